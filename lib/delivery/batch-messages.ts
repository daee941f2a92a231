/** Messages of the case-number batch step (namespace "batch"). */
export const batchMessages = {
  fi: { title: "Asianumeroiden toimitus" },
  sv: { title: "Leverans av ärendenummer" },
  en: { title: "Case number delivery" },
};

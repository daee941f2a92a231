/** Messages for the go-live bulk step (namespace "golive"), fi/sv/en. No angle brackets. */
export const goliveMessages = {
  fi: { title: "Käyttöönoton massa-avaus" },
  sv: { title: "Massöppning vid ibruktagningen" },
  en: { title: "Go-live bulk step" },
};

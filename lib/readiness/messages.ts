/** Messages of the readiness dashboard (namespace "dashboard"), fi/sv/en. */
export const dashboardMessages = {
  fi: { title: "Valmius" },
  sv: { title: "Beredskap" },
  en: { title: "Readiness" },
};

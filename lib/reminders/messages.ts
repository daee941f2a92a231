/** Messages of reminders (namespace "reminders"), fi/sv/en. */
export const reminderMessages = {
  fi: { title: "Muistutukset" },
  sv: { title: "Påminnelser" },
  en: { title: "Reminders" },
};

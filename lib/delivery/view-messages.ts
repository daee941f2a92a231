/** Messages of the Deliveries view and the provider's pickup pages (namespace "outbox"). */
export const outboxMessagesText = {
  fi: { title: "Lähetykset" },
  sv: { title: "Försändelser" },
  en: { title: "Deliveries" },
};

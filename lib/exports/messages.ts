/** Messages of exports and the provider status report (namespace "exports"), fi/sv/en. */
export const exportMessages = {
  fi: { csv: "Lataa CSV", xlsx: "Lataa Excel (XLSX)" },
  sv: { csv: "Ladda ner CSV", xlsx: "Ladda ner Excel (XLSX)" },
  en: { csv: "Download CSV", xlsx: "Download Excel (XLSX)" },
};

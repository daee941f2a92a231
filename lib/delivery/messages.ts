/**
 * Messages for deliveries (namespace "delivery"), fi/sv/en with the same keys. `mail.*` are the
 * e-mail templates: subjects and notices never take client data or a case OID (tested); only the
 * encrypted bodies (caseBody, batchBody) and the pickup page do. No angle brackets.
 */
const fi = {
  mail: {
    caseSubject: "Asian OID-tunnus rekisterinkäyttöoikeutta varten – {organiser}",
    batchSubject: "Nykyisten asiakkaiden asioiden OID-tunnukset – {organiser}",
    pickupSubject: "Uusi viesti Rekisterinkäyttöoikeusportaalissa – {organiser}",
    greeting: "Hei {name},",
    caseIntro:
      "{organiser} on avannut palveluyksikölle rekisterinkäyttöoikeuden asiakkaan asiaan. Kirjaa asian OID-tunnus asiakastietojärjestelmäänne.",
    client: "Asiakas",
    birthDate: "Syntymäaika",
    hetu: "Henkilötunnus",
    serviceTask: "Palvelutehtävä",
    service: "Sosiaalipalvelu",
    unit: "Palveluyksikkö",
    caseOid: "Asian OID",
    window: "Rekisterinkäyttöoikeus",
    openEnded: "toistaiseksi",
    batchIntro:
      "{organiser} lähettää liitteenä {count, plural, one {yhden nykyisen asiakkaan asian OID-tunnuksen} other {# nykyisen asiakkaan asioiden OID-tunnukset}}. Kirjaa ne asiakastietojärjestelmäänne viimeistään {deadline}.",
    pickupIntro:
      "{organiser} on lähettänyt teille viestin Rekisterinkäyttöoikeusportaaliin. Viesti sisältää asiakastietoja, joten se näytetään vain portaalissa kirjautumisen jälkeen.",
    pickupLink: "Lue viesti: {url}",
    pickupKeyHint:
      "Jos lisäätte portaaliin S/MIME-varmenteen tai OpenPGP-avaimen, viestit lähetetään jatkossa salattuina suoraan sähköpostiin.",
    encryptedNote: "Tämä viesti on salattu. Älä välitä sitä eteenpäin salaamattomana.",
    signature: "Ystävällisin terveisin\n{organiser}",
    csv: {
      caseOid: "Asian OID",
      client: "Asiakas",
      identifier: "Tunniste",
      service: "Sosiaalipalvelu",
      unit: "Palveluyksikkö",
      opensOn: "Oikeus alkaa",
      closesOn: "Oikeus päättyy",
    },
    csvName: "asioiden-oid-tunnukset.csv",
  },
};

const sv: typeof fi = {
  mail: {
    caseSubject: "Ärendets OID-kod för registeranvändningsrätt – {organiser}",
    batchSubject: "OID-koder för befintliga klienters ärenden – {organiser}",
    pickupSubject: "Nytt meddelande i portalen för registeranvändningsrätt – {organiser}",
    greeting: "Hej {name},",
    caseIntro:
      "{organiser} har öppnat registeranvändningsrätt för serviceenheten till klientens ärende. Registrera ärendets OID-kod i ert klientdatasystem.",
    client: "Klient",
    birthDate: "Födelsedatum",
    hetu: "Personbeteckning",
    serviceTask: "Serviceuppgift",
    service: "Socialtjänst",
    unit: "Serviceenhet",
    caseOid: "Ärendets OID",
    window: "Registeranvändningsrätt",
    openEnded: "tills vidare",
    batchIntro:
      "{organiser} skickar som bilaga {count, plural, one {OID-koden för en befintlig klients ärende} other {OID-koderna för # befintliga klienters ärenden}}. Registrera dem i ert klientdatasystem senast {deadline}.",
    pickupIntro:
      "{organiser} har skickat ett meddelande till er i portalen för registeranvändningsrätt. Meddelandet innehåller klientuppgifter och visas därför bara i portalen efter inloggning.",
    pickupLink: "Läs meddelandet: {url}",
    pickupKeyHint:
      "Om ni lägger till ett S/MIME-certifikat eller en OpenPGP-nyckel i portalen skickas meddelandena i fortsättningen krypterade direkt till e-posten.",
    encryptedNote: "Detta meddelande är krypterat. Vidarebefordra det inte okrypterat.",
    signature: "Med vänliga hälsningar\n{organiser}",
    csv: {
      caseOid: "Ärendets OID",
      client: "Klient",
      identifier: "Identifiering",
      service: "Socialtjänst",
      unit: "Serviceenhet",
      opensOn: "Rätten börjar",
      closesOn: "Rätten slutar",
    },
    csvName: "arendenas-oid-koder.csv",
  },
};

const en: typeof fi = {
  mail: {
    caseSubject: "Case OID for register access – {organiser}",
    batchSubject: "Case OIDs of existing clients – {organiser}",
    pickupSubject: "New message in the register access portal – {organiser}",
    greeting: "Hello {name},",
    caseIntro:
      "{organiser} has opened register access for your service unit to a client's case. Record the case OID in your client information system.",
    client: "Client",
    birthDate: "Date of birth",
    hetu: "Personal identity code",
    serviceTask: "Service task",
    service: "Social service",
    unit: "Service unit",
    caseOid: "Case OID",
    window: "Register access",
    openEnded: "until further notice",
    batchIntro:
      "{organiser} sends, attached, {count, plural, one {the case OID of one existing client} other {the case OIDs of # existing clients}}. Record them in your client information system by {deadline}.",
    pickupIntro:
      "{organiser} has sent you a message in the register access portal. It contains client data, so it is shown only in the portal after you sign in.",
    pickupLink: "Read the message: {url}",
    pickupKeyHint:
      "If you add an S/MIME certificate or an OpenPGP key in the portal, messages will from then on be sent encrypted straight to your e-mail.",
    encryptedNote: "This message is encrypted. Do not forward it unencrypted.",
    signature: "Kind regards\n{organiser}",
    csv: {
      caseOid: "Case OID",
      client: "Client",
      identifier: "Identifier",
      service: "Social service",
      unit: "Service unit",
      opensOn: "Access opens",
      closesOn: "Access closes",
    },
    csvName: "case-oids.csv",
  },
};

export const deliveryMessages = { fi, sv, en };

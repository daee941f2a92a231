/**
 * Messages for deliveries (namespace "delivery"), fi/sv/en with the same keys. `mail.*` are the
 * e-mail templates: subjects and notices never take client data or a case OID (tested); only the
 * encrypted bodies (caseBody, batchBody) and the pickup page do. No angle brackets.
 */
const fi = {
  send: {
    title: "Asian OID:n lähetys",
    intro:
      "Asian OID-tunnus ja asiakkaan tiedot lähetetään palveluntuottajan yhteyshenkilöille, jotka on merkitty asioiden OID-tunnusten vastaanottajiksi. Viesti salataan aina.",
    recipients: "Vastaanottajat",
    noRecipients:
      "Palveluntuottajalla ei ole yhteyshenkilöä, joka vastaanottaa asioiden OID-tunnuksia. Pyydä palveluntuottajaa lisäämään sellainen portaalissa.",
    recipient: "{name} ({email}): {method}",
    methods: {
      smime: "S/MIME-salattu sähköposti",
      pgp: "OpenPGP-salattu sähköposti",
      pickup: "noutoviesti portaalissa (sähköpostissa vain ilmoitus)",
    },
    button: "Lähetä asian OID",
    form: "Lähetä asian OID: {unit}",
    queued:
      "{count, plural, one {Viesti on} other {# viestiä on}} lähetysjonossa. Tila näkyy Lähetykset-sivulla.",
    alreadyQueued: "Tämä lähetys on jo jonossa. Uutta viestiä ei luotu.",
  },
  noRecipients:
    "Palveluntuottajalla ei ole yhteyshenkilöä, joka vastaanottaa asioiden OID-tunnuksia. Mitään ei lähetetty.",
  noClient: "Asialle ei ole kirjattu asiakasta, joten viestiä ei voi koota. Mitään ei lähetetty.",
  invalidated: "Mitätöidyn käyttöoikeusjakson tietoja ei lähetetä. Mitään ei lähetetty.",
  notFailed: "Vain epäonnistuneen lähetyksen voi yrittää uudelleen.",
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
  send: {
    title: "Sändning av ärendets OID",
    intro:
      "Ärendets OID-kod och klientens uppgifter skickas till de kontaktpersoner hos tjänsteproducenten som har angetts som mottagare av ärendenas OID-koder. Meddelandet krypteras alltid.",
    recipients: "Mottagare",
    noRecipients:
      "Tjänsteproducenten har ingen kontaktperson som tar emot ärendenas OID-koder. Be tjänsteproducenten lägga till en i portalen.",
    recipient: "{name} ({email}): {method}",
    methods: {
      smime: "S/MIME-krypterad e-post",
      pgp: "OpenPGP-krypterad e-post",
      pickup: "meddelande att hämta i portalen (e-posten innehåller bara ett meddelande om det)",
    },
    button: "Skicka ärendets OID",
    form: "Skicka ärendets OID: {unit}",
    queued:
      "{count, plural, one {Meddelandet är} other {# meddelanden är}} i sändningskön. Läget syns på sidan Försändelser.",
    alreadyQueued: "Denna sändning finns redan i kön. Inget nytt meddelande skapades.",
  },
  noRecipients:
    "Tjänsteproducenten har ingen kontaktperson som tar emot ärendenas OID-koder. Ingenting skickades.",
  noClient:
    "Ingen klient har registrerats för ärendet, så meddelandet kan inte sammanställas. Ingenting skickades.",
  invalidated: "Uppgifter om en ogiltigförklarad period skickas inte. Ingenting skickades.",
  notFailed: "Endast en misslyckad försändelse kan försökas på nytt.",
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
  send: {
    title: "Sending the case OID",
    intro:
      "The case OID and the client's details are sent to the provider's contact people who are marked as receiving case OIDs. The message is always encrypted.",
    recipients: "Recipients",
    noRecipients:
      "The provider has no contact person who receives case OIDs. Ask the provider to add one in the portal.",
    recipient: "{name} ({email}): {method}",
    methods: {
      smime: "S/MIME encrypted e-mail",
      pgp: "OpenPGP encrypted e-mail",
      pickup: "message to pick up in the portal (the e-mail carries only a notice)",
    },
    button: "Send the case OID",
    form: "Send the case OID: {unit}",
    queued:
      "{count, plural, one {The message is} other {# messages are}} in the sending queue. The status is shown on the Deliveries page.",
    alreadyQueued: "This send is already in the queue. No new message was created.",
  },
  noRecipients: "The provider has no contact person who receives case OIDs. Nothing was sent.",
  noClient:
    "No client is recorded for the case, so the message cannot be composed. Nothing was sent.",
  invalidated: "Details of an invalidated access window are not sent. Nothing was sent.",
  notFailed: "Only a failed delivery can be retried.",
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

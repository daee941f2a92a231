/**
 * Messages of the case-number batch step (namespace "batch"), fi/sv/en with the same keys. ICU
 * syntax, no angle brackets. Parameters: {date} (d.M.yyyy), {count}, {sent}, {name}, {email},
 * {kind} (a delivery method's label). Never a client's name or identity code.
 */
const fi = {
  title: "Asianumeroiden toimitus",
  intro:
    "Palveluntuottajat, joiden asiakastietojärjestelmä tarvitsee asianumerot, saavat kaikkien nykyisten asiakkaidensa asioiden OID-tunnukset yhdellä lähetyksellä. Tarkista esikatselu ennen lähettämistä.",
  deadline: "Asianumerot on toimitettava palveluntuottajille viimeistään {date}.",
  howTitle: "Näin toimitus toimii",
  how: {
    who: "Mukana ovat palveluntuottajat, joiden palveluyksiköllä on voimassa oleva tai alkava rekisterinkäyttöoikeus nykyisen asiakkaan asiaan ja joiden asiakastietojärjestelmästä hyvinvointialue on merkinnyt, että se tarvitsee asianumerot.",
    one: "Jokainen palveluntuottajan yhteyshenkilö, joka vastaanottaa asioiden OID-tunnuksia, saa yhden salatun sähköpostiviestin. Sen liitteenä on CSV-tiedosto, jossa on palveluntuottajan kaikkien nykyisten asiakkaiden asioiden OID-tunnukset, asiakkaat, palvelut, palveluyksiköt ja käyttöoikeuden päivämäärät.",
    pickup:
      "Jos yhteyshenkilöllä ei ole portaalissa voimassa olevaa S/MIME-varmennetta tai OpenPGP-avainta, sähköpostissa lähtee vain ilmoitus ilman asiakastietoja. Luettelo luetaan portaalissa kirjautumisen jälkeen.",
    noContact:
      "Palveluntuottajalle, jolla ei ole asioiden OID-tunnuksia vastaanottavaa yhteyshenkilöä, ei voi lähettää mitään. Pyydä palveluntuottajaa lisäämään yhteyshenkilö ja lähetä sen jälkeen uudelleen.",
    twice:
      "Lähetä-painike lisää viestit jonoon vain kerran, vaikka sitä painettaisiin useasti. Jos lataat sivun uudelleen ja lähetät uudestaan, jokainen vastaanottaja saa luettelon toisen kerran.",
    progress:
      "Viestit lähtevät lähetysjonosta. Lähetyksen eteneminen näkyy tällä sivulla, ja epäonnistuneen viestin voi yrittää uudelleen Lähetykset-sivulla.",
  },
  preview: {
    title: "Esikatselu",
    caption: "Lähetettävät viestit palveluntuottajittain",
    provider: "Palveluntuottaja",
    systems: "Asiakastietojärjestelmä",
    cases: "Asioita",
    recipients: "Vastaanottajat ja lähetystapa",
    recipient: "{name} ({email}): {kind}",
    noRecipients: "Ei vastaanottavaa yhteyshenkilöä: tälle palveluntuottajalle ei voi lähettää.",
    emptyTitle: "Ei lähetettävää",
    emptyBody:
      "Yhdelläkään palveluntuottajalla, jonka asiakastietojärjestelmä tarvitsee asianumerot, ei ole voimassa olevaa tai alkavaa käyttöoikeutta nykyisen asiakkaan asiaan.",
  },
  methods: {
    smime: "S/MIME-salattu sähköposti",
    pgp: "OpenPGP-salattu sähköposti",
    pickup: "nouto portaalista",
  },
  problems: {
    title: "Korjattavaa ennen lähetystä",
    body: "{count, plural, one {Yhdellä palveluntuottajalla} other {# palveluntuottajalla}} ei ole yhteyshenkilöä, joka vastaanottaa asioiden OID-tunnuksia. Niille ei lähetetä mitään. Pyydä palveluntuottajaa lisäämään yhteyshenkilö tai merkitse vastaanottaja palveluntuottajan sivulla.",
  },
  summary: {
    caption: "Yhteenveto",
    item: "Kohde",
    count: "Määrä",
    providers: "Palveluntuottajia mukana",
    sendable: "Palveluntuottajia, joille lähetetään",
    blocked: "Palveluntuottajia ilman vastaanottajaa",
    cases: "Asioita luetteloissa",
    messages: "Viestejä",
    smime: "joista S/MIME-salattuja",
    pgp: "joista OpenPGP-salattuja",
    pickup: "joista noudettavia",
  },
  send: {
    title: "Lähetys",
    form: "Lähetä asianumerot palveluntuottajille",
    button: "{count, plural, one {Lähetä yksi viesti} other {Lähetä # viestiä}}",
    hint: "Viestit lisätään lähetysjonoon kerralla, eikä lähetystä voi perua sen jälkeen.",
    pending: "Luetteloita kootaan ja salataan. Tämä voi kestää hetken.",
    queued:
      "{count, plural, one {Yksi viesti lisättiin} other {# viestiä lisättiin}} lähetysjonoon.",
    already: "Tämä lähetys on jo tehty. Uusia viestejä ei luotu.",
  },
  nothing:
    "Lähetettävää ei ole: yhdelläkään mukana olevalla palveluntuottajalla ei ole vastaanottavaa yhteyshenkilöä. Mitään ei lähetetty.",
  keyMissing:
    "Asiakastietojen salausavain puuttuu palvelimelta, joten luetteloita ei voi koota. Mitään ei lähetetty.",
  progress: {
    title: "Lähetyksen eteneminen",
    started: "Lähetys aloitettu {date}.",
    label: "{sent} / {count} viestiä lähetetty",
    caption: "Viestit tilan mukaan",
    status: "Tila",
    count: "Viestejä",
    statuses: {
      queued: "Jonossa",
      sending: "Lähetetään",
      sent: "Lähetetty",
      failed: "Epäonnistunut",
    },
    refreshing: "Sivu päivittyy itsestään, kunnes kaikki viestit on käsitelty.",
    done: "Kaikki viestit on käsitelty.",
    failed:
      "{count, plural, one {Yksi viesti epäonnistui} other {# viestiä epäonnistui}}. Epäonnistuneen viestin voi yrittää uudelleen Lähetykset-sivulla.",
    notFound: "Lähetystä ei löytynyt.",
  },
  history: {
    title: "Aiemmat lähetykset",
    caption: "Viimeisimmät asianumeroiden lähetykset",
    started: "Aloitettu",
    messages: "Viestejä",
    sent: "Lähetetty",
    failed: "Epäonnistunut",
    empty: "Asianumeroita ei ole vielä lähetetty.",
  },
};

const sv: typeof fi = {
  title: "Leverans av ärendenummer",
  intro:
    "Tjänsteproducenter vars klientdatasystem behöver ärendenummer får OID-koderna för alla sina befintliga klienters ärenden i en enda sändning. Kontrollera förhandsvisningen innan du skickar.",
  deadline: "Ärendenumren ska levereras till tjänsteproducenterna senast {date}.",
  howTitle: "Så här fungerar leveransen",
  how: {
    who: "Med är tjänsteproducenter vars serviceenhet har en gällande eller kommande registeranvändningsrätt till en befintlig klients ärende och vars klientdatasystem välfärdsområdet har angett att behöver ärendenummer.",
    one: "Varje kontaktperson hos tjänsteproducenten som tar emot ärendenas OID-koder får ett krypterat e-postmeddelande. Som bilaga finns en CSV-fil med OID-koderna för alla tjänsteproducentens befintliga klienters ärenden, klienterna, tjänsterna, serviceenheterna och datumen för användningsrätten.",
    pickup:
      "Om kontaktpersonen inte har ett giltigt S/MIME-certifikat eller en OpenPGP-nyckel i portalen skickas bara ett meddelande utan klientuppgifter per e-post. Förteckningen läses i portalen efter inloggning.",
    noContact:
      "Till en tjänsteproducent som saknar kontaktperson som tar emot ärendenas OID-koder kan ingenting skickas. Be tjänsteproducenten lägga till en kontaktperson och skicka sedan på nytt.",
    twice:
      "Knappen Skicka lägger meddelandena i kön bara en gång, även om den trycks flera gånger. Om du laddar om sidan och skickar på nytt får varje mottagare förteckningen en gång till.",
    progress:
      "Meddelandena skickas från sändningskön. Sändningens förlopp syns på den här sidan, och ett misslyckat meddelande kan försökas på nytt på sidan Försändelser.",
  },
  preview: {
    title: "Förhandsvisning",
    caption: "Meddelanden som skickas per tjänsteproducent",
    provider: "Tjänsteproducent",
    systems: "Klientdatasystem",
    cases: "Ärenden",
    recipients: "Mottagare och sändningssätt",
    recipient: "{name} ({email}): {kind}",
    noRecipients:
      "Ingen kontaktperson tar emot OID-koder: ingenting kan skickas till denna tjänsteproducent.",
    emptyTitle: "Inget att skicka",
    emptyBody:
      "Ingen tjänsteproducent vars klientdatasystem behöver ärendenummer har en gällande eller kommande användningsrätt till en befintlig klients ärende.",
  },
  methods: {
    smime: "S/MIME-krypterad e-post",
    pgp: "OpenPGP-krypterad e-post",
    pickup: "hämtas i portalen",
  },
  problems: {
    title: "Att åtgärda före sändningen",
    body: "{count, plural, one {En tjänsteproducent} other {# tjänsteproducenter}} saknar kontaktperson som tar emot ärendenas OID-koder. Till dem skickas ingenting. Be tjänsteproducenten lägga till en kontaktperson eller ange en mottagare på tjänsteproducentens sida.",
  },
  summary: {
    caption: "Sammanfattning",
    item: "Post",
    count: "Antal",
    providers: "Tjänsteproducenter med",
    sendable: "Tjänsteproducenter som får meddelanden",
    blocked: "Tjänsteproducenter utan mottagare",
    cases: "Ärenden i förteckningarna",
    messages: "Meddelanden",
    smime: "varav S/MIME-krypterade",
    pgp: "varav OpenPGP-krypterade",
    pickup: "varav att hämta i portalen",
  },
  send: {
    title: "Sändning",
    form: "Skicka ärendenumren till tjänsteproducenterna",
    button: "{count, plural, one {Skicka ett meddelande} other {Skicka # meddelanden}}",
    hint: "Meddelandena läggs i sändningskön på en gång, och sändningen kan inte ångras efteråt.",
    pending: "Förteckningarna sammanställs och krypteras. Det kan ta en stund.",
    queued:
      "{count, plural, one {Ett meddelande lades} other {# meddelanden lades}} i sändningskön.",
    already: "Denna sändning är redan gjord. Inga nya meddelanden skapades.",
  },
  nothing:
    "Det finns inget att skicka: ingen av tjänsteproducenterna har en kontaktperson som tar emot OID-koder. Ingenting skickades.",
  keyMissing:
    "Krypteringsnyckeln för klientuppgifter saknas på servern, så förteckningarna kan inte sammanställas. Ingenting skickades.",
  progress: {
    title: "Sändningens förlopp",
    started: "Sändningen påbörjades {date}.",
    label: "{sent} / {count} meddelanden skickade",
    caption: "Meddelanden per status",
    status: "Status",
    count: "Meddelanden",
    statuses: {
      queued: "I kö",
      sending: "Skickas",
      sent: "Skickat",
      failed: "Misslyckades",
    },
    refreshing: "Sidan uppdateras automatiskt tills alla meddelanden har behandlats.",
    done: "Alla meddelanden har behandlats.",
    failed:
      "{count, plural, one {Ett meddelande misslyckades} other {# meddelanden misslyckades}}. Ett misslyckat meddelande kan försökas på nytt på sidan Försändelser.",
    notFound: "Sändningen hittades inte.",
  },
  history: {
    title: "Tidigare sändningar",
    caption: "De senaste sändningarna av ärendenummer",
    started: "Påbörjad",
    messages: "Meddelanden",
    sent: "Skickade",
    failed: "Misslyckade",
    empty: "Inga ärendenummer har skickats ännu.",
  },
};

const en: typeof fi = {
  title: "Case number delivery",
  intro:
    "Providers whose client information system needs case numbers receive the case OIDs of all their existing clients in one send. Check the preview before sending.",
  deadline: "Case numbers must be delivered to the providers by {date}.",
  howTitle: "How the delivery works",
  how: {
    who: "Included are providers whose service unit has current or upcoming register access to an existing client's case and whose client information system the welfare area has marked as needing case numbers.",
    one: "Each of the provider's contact people who receive case OIDs gets one encrypted e-mail. Attached is a CSV file with the case OIDs of all the provider's existing clients, with the clients, services, service units and access dates.",
    pickup:
      "If a contact person has no valid S/MIME certificate or OpenPGP key in the portal, the e-mail carries only a notice without client data, and the list is read in the portal after signing in.",
    noContact:
      "Nothing can be sent to a provider that has no contact person receiving case OIDs. Ask the provider to add one, then send again.",
    twice:
      "The Send button queues the messages only once, however many times it is pressed. If you reload the page and send again, every recipient gets the list a second time.",
    progress:
      "The messages leave from the sending queue. The progress of the send is shown on this page, and a failed message can be retried on the Deliveries page.",
  },
  preview: {
    title: "Preview",
    caption: "Messages to send, by provider",
    provider: "Provider",
    systems: "Client information system",
    cases: "Cases",
    recipients: "Recipients and delivery method",
    recipient: "{name} ({email}): {kind}",
    noRecipients: "No receiving contact person: nothing can be sent to this provider.",
    emptyTitle: "Nothing to send",
    emptyBody:
      "No provider whose client information system needs case numbers has current or upcoming access to an existing client's case.",
  },
  methods: {
    smime: "S/MIME encrypted e-mail",
    pgp: "OpenPGP encrypted e-mail",
    pickup: "pickup in the portal",
  },
  problems: {
    title: "To fix before sending",
    body: "{count, plural, one {One provider has} other {# providers have}} no contact person who receives case OIDs. Nothing is sent to them. Ask the provider to add a contact person, or mark a recipient on the provider's page.",
  },
  summary: {
    caption: "Summary",
    item: "Item",
    count: "Count",
    providers: "Providers included",
    sendable: "Providers receiving messages",
    blocked: "Providers without a recipient",
    cases: "Cases in the lists",
    messages: "Messages",
    smime: "of which S/MIME encrypted",
    pgp: "of which OpenPGP encrypted",
    pickup: "of which to pick up in the portal",
  },
  send: {
    title: "Send",
    form: "Send the case numbers to the providers",
    button: "{count, plural, one {Send one message} other {Send # messages}}",
    hint: "The messages are queued all at once, and the send cannot be undone afterwards.",
    pending: "The lists are being composed and encrypted. This may take a moment.",
    queued: "{count, plural, one {One message was} other {# messages were}} added to the queue.",
    already: "This send has already been made. No new messages were created.",
  },
  nothing:
    "There is nothing to send: none of the providers has a contact person who receives case OIDs. Nothing was sent.",
  keyMissing:
    "The client data key is missing on the server, so the lists cannot be composed. Nothing was sent.",
  progress: {
    title: "Progress of the send",
    started: "Send started {date}.",
    label: "{sent} of {count} messages sent",
    caption: "Messages by status",
    status: "Status",
    count: "Messages",
    statuses: {
      queued: "Queued",
      sending: "Sending",
      sent: "Sent",
      failed: "Failed",
    },
    refreshing: "The page refreshes itself until every message has been handled.",
    done: "Every message has been handled.",
    failed:
      "{count, plural, one {One message failed} other {# messages failed}}. A failed message can be retried on the Deliveries page.",
    notFound: "The send was not found.",
  },
  history: {
    title: "Earlier sends",
    caption: "The latest case number sends",
    started: "Started",
    messages: "Messages",
    sent: "Sent",
    failed: "Failed",
    empty: "No case numbers have been sent yet.",
  },
};

export const batchMessages = { fi, sv, en };

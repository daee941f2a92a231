/**
 * Messages for the go-live bulk step (namespace "golive"), fi/sv/en with the same keys. ICU
 * syntax, no angle brackets. Row problems (errors.*) take {field} (the column's label) and, where
 * noted, {value}, {expected}, {line} or {max}; they never repeat a name or an identity code.
 * Refusal reasons of the eligibility policy are explained by the "eligibility" namespace; the
 * four reasons of this step by reasons.*; reasonShort.* names all of them briefly for tables.
 */

const fi = {
  title: "Käyttöönoton massa-avaus",
  intro:
    "Käyttöönottopäivänä nykyiset asiakkaat saavat rekisterinkäyttöoikeudet kerralla, ilman erillistä ilmoitusta. Lataa tähän asiakastietojärjestelmästä otettu CSV-tiedosto, jossa on yksi rivi jokaista asiakkaan palvelua kohden. Tarkista tiedosto ensin: tarkistus ei muuta mitään, vaan kertoo, montako oikeutta avattaisiin ja mitkä rivit hylättäisiin ja miksi. Avaa oikeudet vasta sen jälkeen.",
  goLiveDate:
    "Hyvinvointialueen käyttöönottopäivä on {date}. Nykyisten asiakkaiden oikeudet alkavat tästä päivästä.",
  howTitle: "Näin massa-avaus toimii",
  how: {
    eligible:
      "Oikeus avataan vain palveluyksikölle, joka on hyvinvointialueen palveluntuottajarekisterissä ja täyttää rekisterinkäyttöoikeuden ehdot: yksiköllä on OID-tunnus, sen asiakastietojärjestelmä on läpäissyt käyttöönottokokeen ja palvelu on sellainen, johon oikeus annetaan.",
    dates:
      "Oikeus päättyy {count} päivän kuluttua palvelun päättymisestä. Jos palvelu alkaa vasta käyttöönottopäivän jälkeen, oikeus alkaa samalla tavalla kuin uudella asiakkaalla, ennen palvelun alkua.",
    creates:
      "Puuttuvat asiakkaat, asiat, palvelun toteutukset ja resurssit luodaan samalla. Asiakkaan nimi ja henkilötunnus tallennetaan salattuina.",
    allOrNothing:
      "Jos tiedostossa on yksikin virheellinen rivi, mitään ei avata. Virheelliset rivit näytetään rivinumeroineen, jotta ne voi korjata.",
    twice:
      "Massa-avauksen voi ajaa uudelleen samalla tai täydennetyllä tiedostolla: jo avattuja oikeuksia ei avata toista kertaa.",
  },
  columnsTitle: "Tiedoston sarakkeet",
  columnsIntro:
    "Ensimmäisellä rivillä on oltava sarakkeiden otsikot; sarakkeiden järjestyksellä ei ole väliä. Erottimena voi olla puolipiste tai pilkku. Tallenna tiedosto UTF-8-merkistössä (Excelissä muoto CSV UTF-8).",
  columns: {
    caseOid:
      "Asian OID: asian OID-tunnus asiakastietojärjestelmästä, esimerkiksi 1.2.246.10.2840015.15.2026.1001.",
    clientName: "Asiakkaan nimi.",
    hetu: "Henkilötunnus.",
    serviceTask:
      "Palvelutehtävä, esimerkiksi Ikääntyneiden palvelut, Työikäisten palvelut, Lapsiperheiden palvelut, Lastensuojelu tai Vammaispalvelut.",
    service: "Sosiaalipalvelu, esimerkiksi Yhteisöllinen asuminen, Kotihoito tai Perhehoito.",
    unitOid: "Palveluyksikön OID: palveluyksikön OID-tunnus SOTE-organisaatiorekisteristä.",
    startsOn: "Alkupäivä: palvelun alkamispäivä, esimerkiksi 1.3.2026 tai 2026-03-01.",
    endsOn:
      "Loppupäivä: palvelun päättymispäivä samassa muodossa. Jätä tyhjäksi, jos palvelu jatkuu toistaiseksi.",
  },
  exampleTitle: "Esimerkki otsikkorivistä",
  exampleHeader:
    "Asian OID;Asiakkaan nimi;Henkilötunnus;Palvelutehtävä;Sosiaalipalvelu;Palveluyksikön OID;Alkupäivä;Loppupäivä",
  file: "CSV-tiedosto",
  check: "Tarkista tiedosto",
  apply: "Avaa oikeudet",
  applyHint:
    "Oikeudet voi avata, kun sama tiedosto on ensin tarkistettu eikä siinä ollut virheellisiä rivejä.",
  chooseFile: "Valitse ensin CSV-tiedosto.",
  phase: {
    read: "Luetaan ja tarkistetaan tiedostoa",
    check: "Verrataan tiedostoa portaalin tietoihin",
    write: "Tallennetaan oikeuksia",
  },
  result: {
    checked: "Tarkistus valmis. Mitään ei vielä tallennettu.",
    checkedNoIssues: "Tiedostossa ei ole virheellisiä rivejä. Voit nyt avata oikeudet.",
    hasIssues:
      "Tiedostossa on {count, plural, one {# virhe} other {# virhettä}}. Korjaa ne ja tarkista tiedosto uudelleen; oikeuksia ei voi avata ennen sitä.",
    applied: "Valmis. Oikeudet on avattu.",
    notApplied:
      "Mitään ei avattu, koska tiedostossa on {count, plural, one {# virhe} other {# virhettä}}. Korjaa ne ja tarkista tiedosto uudelleen.",
  },
  summary: {
    caption: "Yhteenveto",
    item: "Tieto",
    count: "Määrä",
    records: "Rivejä tiedostossa",
    wouldOpen: "Avattavia oikeuksia",
    opened: "Avattuja oikeuksia",
    openNow: "joista voimassa heti",
    planned: "joista alkaa myöhemmin",
    closed: "joista jo päättynyt",
    already: "Jo aiemmin avattuja (ei avata uudelleen)",
    refused: "Hylättyjä rivejä",
    newClients: "Uusia asiakkaita",
    newCases: "Uusia asioita",
  },
  byProvider: {
    caption: "Hylätyt rivit palveluntuottajittain",
    provider: "Palveluntuottaja",
    refused: "Hylättyjä rivejä",
    reasons: "Syyt",
    reasonCount: "{reason}: {count}",
    unknownProvider: "Palveluyksikköä ei löydy rekisteristä",
  },
  byReason: {
    caption: "Hylkäysten syyt",
    reason: "Syy",
    rows: "Rivejä",
    explanation: "Selitys",
  },
  issues: {
    caption: "Virheelliset rivit",
    line: "Rivi",
    field: "Sarake",
    problem: "Ongelma",
    more: "Taulukossa näkyy {max} ensimmäistä virhettä. Lisäksi {count, plural, one {# virhe} other {# virhettä}} ei näy tässä.",
  },
  fields: {
    caseOid: "Asian OID",
    clientName: "Asiakkaan nimi",
    hetu: "Henkilötunnus",
    serviceTask: "Palvelutehtävä",
    service: "Sosiaalipalvelu",
    unitOid: "Palveluyksikön OID",
    startsOn: "Alkupäivä",
    endsOn: "Loppupäivä",
    file: "Tiedosto",
  },
  errors: {
    required: "{field}: pakollinen tieto puuttuu.",
    missingColumn:
      "{field}: sarake puuttuu otsikkoriviltä. Tarkista sarakkeen otsikko sivun esimerkistä.",
    duplicateColumn:
      "{field}: otsikkorivillä on kaksi saraketta samalle tiedolle ({value}). Poista toinen niistä.",
    columns:
      "Rivillä on {value} saraketta, mutta otsikkorivillä {expected}. Tarkista erottimet ja lainausmerkit.",
    caseOid:
      "{field}: {value} ei ole kelvollinen OID-tunnus. Asian OID on pisteillä erotettuja numeroita, esimerkiksi 1.2.246.10.2840015.15.2026.1001.",
    tooLong: "{field}: enintään {max} merkkiä.",
    serviceTask:
      "{field}: tuntematon palvelutehtävä {value}. Käytä jotakin näistä: Ikääntyneiden palvelut, Työikäisten palvelut, Lapsiperheiden palvelut, Lastensuojelu, Vammaispalvelut.",
    service:
      "{field}: tuntematon sosiaalipalvelu {value}. Käytä palveluluettelon nimeä, esimerkiksi Yhteisöllinen asuminen tai Kotihoito.",
    date: "{field}: {value} ei ole päivämäärä. Anna päivämäärä muodossa 1.3.2026 tai 2026-03-01.",
    endBeforeStart: "{field}: palvelu ei voi päättyä ennen kuin se alkaa.",
    caseOtherHetu:
      "{field}: sama asian OID on rivillä {line} eri henkilötunnuksella. Yksi asia kuuluu yhdelle asiakkaalle.",
    caseOtherTask:
      "{field}: sama asian OID on rivillä {line} eri palvelutehtävällä. Yhdellä asialla on yksi palvelutehtävä.",
    encoding:
      "Tiedosto ei ole UTF-8-merkistössä (rivin {line} kohdalla). Tallenna se Excelissä muodossa CSV UTF-8 ja yritä uudelleen.",
    unreadable:
      "Tiedostoa ei voi lukea rivin {line} kohdalta. Tarkista lainausmerkit ja tallenna tiedosto uudelleen CSV-muodossa.",
    empty: "Tiedosto on tyhjä. Ensimmäisellä rivillä on oltava sarakkeiden otsikot.",
    failed: "Käsittely epäonnistui, eikä mitään tallennettu. Yritä uudelleen.",
    forbidden: "Sinulla ei ole oikeutta käyttää massa-avausta.",
    tooLarge: "Tiedosto on liian suuri. Suurin sallittu koko on {max} Mt.",
    wrongType: "Valitse CSV-tiedosto.",
    uploadFailed:
      "Tiedoston lähetys keskeytyi. Tarkista verkkoyhteys ja yritä uudelleen; mitään ei tallennettu.",
  },
  reasons: {
    case_other_organiser:
      "Asian OID on jo käytössä, eikä sitä voi liittää tämän hyvinvointialueen asiakkaalle. Tarkista asian OID.",
    unknown_unit:
      "Palveluyksikköä, jolla on tämä OID-tunnus, ei ole hyvinvointialueen palveluntuottajarekisterissä. Tarkista OID-tunnus tai lisää palveluyksikkö rekisteriin.",
    case_other_client:
      "Asia on portaalissa jo toisella asiakkaalla. Tarkista asian OID ja henkilötunnus.",
    ended_before_go_live:
      "Palvelu on päättynyt niin kauan ennen käyttöönottopäivää, että oikeus olisi päättynyt jo ennen alkamistaan. Avattavaa ei ole.",
  },
  reasonShort: {
    case_other_organiser: "Asian OID jo käytössä",
    unknown_unit: "Tuntematon palveluyksikkö",
    case_other_client: "Asia toisella asiakkaalla",
    no_oid: "Ei OID-tunnusta",
    system_not_tested: "Järjestelmä ei läpäissyt käyttöönottokoetta",
    service_voucher: "Palveluseteli",
    only_services_without_cis: "Palvelu ei edellytä asiakastietojärjestelmää",
    home_care_only: "Vain kotihoitoa",
    ended_before_go_live: "Päättynyt ennen käyttöönottoa",
  },
};

type GoLiveMessages = typeof fi;

const sv: GoLiveMessages = {
  title: "Massöppning vid ibruktagningen",
  intro:
    "På ibruktagningsdagen får befintliga klienter registeranvändningsrätt på en gång, utan separat meddelande. Ladda upp en CSV-fil från klientdatasystemet med en rad för varje tjänst till en klient. Kontrollera filen först: kontrollen ändrar ingenting utan visar hur många rättigheter som skulle öppnas och vilka rader som skulle avvisas och varför. Öppna rättigheterna först därefter.",
  goLiveDate:
    "Välfärdsområdets ibruktagningsdag är {date}. De befintliga klienternas rättigheter börjar den dagen.",
  howTitle: "Så fungerar massöppningen",
  how: {
    eligible:
      "Rätt öppnas bara för en serviceenhet som finns i välfärdsområdets register över tjänsteproducenter och uppfyller villkoren för registeranvändningsrätt: enheten har en OID-kod, dess klientdatasystem har klarat ibruktagningstestet och tjänsten är en sådan som rätten ges för.",
    dates:
      "Rätten upphör {count, plural, one {# dag} other {# dagar}} efter att tjänsten har upphört. Om tjänsten börjar först efter ibruktagningsdagen börjar rätten på samma sätt som för en ny klient, före tjänstens början.",
    creates:
      "Klienter, ärenden, genomföranden av tjänster och resurser som saknas skapas samtidigt. Klientens namn och personbeteckning sparas krypterade.",
    allOrNothing:
      "Om filen har en enda felaktig rad öppnas ingenting. De felaktiga raderna visas med radnummer så att de kan rättas.",
    twice:
      "Massöppningen kan köras på nytt med samma eller en kompletterad fil: rättigheter som redan har öppnats öppnas inte en gång till.",
  },
  columnsTitle: "Filens kolumner",
  columnsIntro:
    "Den första raden ska innehålla kolumnrubrikerna; kolumnernas ordning spelar ingen roll. Avgränsaren kan vara semikolon eller komma. Spara filen i teckenkodningen UTF-8 (i Excel formatet CSV UTF-8).",
  columns: {
    caseOid:
      "Ärendets OID: ärendets OID-kod från klientdatasystemet, till exempel 1.2.246.10.2840015.15.2026.1001.",
    clientName: "Klientens namn.",
    hetu: "Personbeteckning.",
    serviceTask:
      "Tjänsteuppgift, till exempel Tjänster för äldre, Tjänster för personer i arbetsför ålder, Tjänster för barnfamiljer, Barnskydd eller Funktionshinderservice.",
    service: "Socialtjänst, till exempel Gemenskapsboende, Hemvård eller Familjevård.",
    unitOid: "Serviceenhetens OID: serviceenhetens OID-kod i SOTE-organisationsregistret.",
    startsOn: "Startdatum: dagen då tjänsten börjar, till exempel 1.3.2026 eller 2026-03-01.",
    endsOn:
      "Slutdatum: dagen då tjänsten upphör, i samma form. Lämna tomt om tjänsten fortsätter tills vidare.",
  },
  exampleTitle: "Exempel på rubrikrad",
  exampleHeader:
    "Ärendets OID;Klientens namn;Personbeteckning;Tjänsteuppgift;Socialtjänst;Serviceenhetens OID;Startdatum;Slutdatum",
  file: "CSV-fil",
  check: "Kontrollera filen",
  apply: "Öppna rättigheterna",
  applyHint:
    "Rättigheterna kan öppnas när samma fil först har kontrollerats och inte hade några felaktiga rader.",
  chooseFile: "Välj först en CSV-fil.",
  phase: {
    read: "Filen läses och kontrolleras",
    check: "Filen jämförs med uppgifterna i portalen",
    write: "Rättigheterna sparas",
  },
  result: {
    checked: "Kontrollen är klar. Ingenting har sparats ännu.",
    checkedNoIssues: "Filen har inga felaktiga rader. Du kan nu öppna rättigheterna.",
    hasIssues:
      "Filen har {count} fel. Rätta dem och kontrollera filen på nytt; rättigheterna kan inte öppnas innan dess.",
    applied: "Klart. Rättigheterna har öppnats.",
    notApplied:
      "Ingenting öppnades eftersom filen har {count} fel. Rätta dem och kontrollera filen på nytt.",
  },
  summary: {
    caption: "Sammanfattning",
    item: "Uppgift",
    count: "Antal",
    records: "Rader i filen",
    wouldOpen: "Rättigheter som skulle öppnas",
    opened: "Öppnade rättigheter",
    openNow: "varav i kraft genast",
    planned: "varav börjar senare",
    closed: "varav redan upphört",
    already: "Redan öppnade tidigare (öppnas inte på nytt)",
    refused: "Avvisade rader",
    newClients: "Nya klienter",
    newCases: "Nya ärenden",
  },
  byProvider: {
    caption: "Avvisade rader per tjänsteproducent",
    provider: "Tjänsteproducent",
    refused: "Avvisade rader",
    reasons: "Orsaker",
    reasonCount: "{reason}: {count}",
    unknownProvider: "Serviceenheten finns inte i registret",
  },
  byReason: {
    caption: "Orsaker till avvisning",
    reason: "Orsak",
    rows: "Rader",
    explanation: "Förklaring",
  },
  issues: {
    caption: "Felaktiga rader",
    line: "Rad",
    field: "Kolumn",
    problem: "Problem",
    more: "Tabellen visar de {max} första felen. Dessutom finns {count} fel som inte visas här.",
  },
  fields: {
    caseOid: "Ärendets OID",
    clientName: "Klientens namn",
    hetu: "Personbeteckning",
    serviceTask: "Tjänsteuppgift",
    service: "Socialtjänst",
    unitOid: "Serviceenhetens OID",
    startsOn: "Startdatum",
    endsOn: "Slutdatum",
    file: "Fil",
  },
  errors: {
    required: "{field}: obligatorisk uppgift saknas.",
    missingColumn:
      "{field}: kolumnen saknas på rubrikraden. Kontrollera kolumnrubriken mot exemplet på sidan.",
    duplicateColumn:
      "{field}: rubrikraden har två kolumner för samma uppgift ({value}). Ta bort den ena.",
    columns:
      "Raden har {value} kolumner men rubrikraden {expected}. Kontrollera avgränsare och citattecken.",
    caseOid:
      "{field}: {value} är ingen giltig OID-kod. Ärendets OID består av siffror åtskilda med punkter, till exempel 1.2.246.10.2840015.15.2026.1001.",
    tooLong: "{field}: högst {max} tecken.",
    serviceTask:
      "{field}: okänd tjänsteuppgift {value}. Använd någon av dessa: Tjänster för äldre, Tjänster för personer i arbetsför ålder, Tjänster för barnfamiljer, Barnskydd, Funktionshinderservice.",
    service:
      "{field}: okänd socialtjänst {value}. Använd namnet i tjänsteförteckningen, till exempel Gemenskapsboende eller Hemvård.",
    date: "{field}: {value} är inget datum. Ange datumet i formen 1.3.2026 eller 2026-03-01.",
    endBeforeStart: "{field}: tjänsten kan inte upphöra innan den börjar.",
    caseOtherHetu:
      "{field}: samma ärendes OID finns på rad {line} med en annan personbeteckning. Ett ärende hör till en klient.",
    caseOtherTask:
      "{field}: samma ärendes OID finns på rad {line} med en annan tjänsteuppgift. Ett ärende har en tjänsteuppgift.",
    encoding:
      "Filen är inte i teckenkodningen UTF-8 (vid rad {line}). Spara den i Excel i formatet CSV UTF-8 och försök på nytt.",
    unreadable:
      "Filen kan inte läsas vid rad {line}. Kontrollera citattecknen och spara filen på nytt i CSV-format.",
    empty: "Filen är tom. Den första raden ska innehålla kolumnrubrikerna.",
    failed: "Behandlingen misslyckades och ingenting sparades. Försök på nytt.",
    forbidden: "Du har inte rätt att använda massöppningen.",
    tooLarge: "Filen är för stor. Den största tillåtna storleken är {max} MB.",
    wrongType: "Välj en CSV-fil.",
    uploadFailed:
      "Överföringen av filen avbröts. Kontrollera nätverksanslutningen och försök på nytt; ingenting sparades.",
  },
  reasons: {
    case_other_organiser:
      "Ärendets OID används redan och kan inte kopplas till en klient i detta välfärdsområde. Kontrollera ärendets OID.",
    unknown_unit:
      "Det finns ingen serviceenhet med denna OID-kod i välfärdsområdets register över tjänsteproducenter. Kontrollera OID-koden eller lägg till serviceenheten i registret.",
    case_other_client:
      "Ärendet hör redan till en annan klient i portalen. Kontrollera ärendets OID och personbeteckningen.",
    ended_before_go_live:
      "Tjänsten upphörde så långt före ibruktagningsdagen att rätten skulle ha upphört redan innan den började. Det finns inget att öppna.",
  },
  reasonShort: {
    case_other_organiser: "Ärendets OID används redan",
    unknown_unit: "Okänd serviceenhet",
    case_other_client: "Ärendet hör till en annan klient",
    no_oid: "Ingen OID-kod",
    system_not_tested: "Systemet har inte klarat ibruktagningstestet",
    service_voucher: "Servicesedel",
    only_services_without_cis: "Tjänsten förutsätter inget klientdatasystem",
    home_care_only: "Endast hemvård",
    ended_before_go_live: "Upphörde före ibruktagningen",
  },
};

const en: GoLiveMessages = {
  title: "Go-live bulk step",
  intro:
    "On the go-live date, existing clients get register access all at once, with no separate notice. Upload a CSV file exported from the client information system, with one row for each service a client receives. Check the file first: the check changes nothing but shows how many access windows would open and which rows would be refused and why. Open access only after that.",
  goLiveDate:
    "The welfare area's go-live date is {date}. Access for existing clients starts on that date.",
  howTitle: "How the bulk step works",
  how: {
    eligible:
      "Access opens only for a service unit that is in the welfare area's provider register and meets the conditions for register access: the unit has an OID, its client information system has passed the deployment test, and the service is one for which access is granted.",
    dates:
      "Access ends {count, plural, one {# day} other {# days}} after the service ends. If the service starts only after the go-live date, access starts as it does for a new client, before the service starts.",
    creates:
      "Missing clients, cases, service implementations and resources are created at the same time. The client's name and personal identity code are stored encrypted.",
    allOrNothing:
      "If even one row of the file is malformed, nothing is opened. Malformed rows are listed with their line numbers so that they can be corrected.",
    twice:
      "The bulk step can be run again with the same or a supplemented file: access that is already open is not opened a second time.",
  },
  columnsTitle: "Columns of the file",
  columnsIntro:
    "The first row must hold the column headings; the order of the columns does not matter. The delimiter may be a semicolon or a comma. Save the file in UTF-8 (in Excel, the CSV UTF-8 format).",
  columns: {
    caseOid:
      "Case OID: the case's OID from the client information system, for example 1.2.246.10.2840015.15.2026.1001.",
    clientName: "The client's name.",
    hetu: "Personal identity code.",
    serviceTask:
      "Service task, for example Services for older people, Services for working-age people, Services for families with children, Child welfare or Disability services.",
    service: "Social service, for example Communal housing, Home care or Family care.",
    unitOid: "Unit OID: the service unit's OID in the SOTE organisation register.",
    startsOn: "Start date: the date the service starts, for example 1.3.2026 or 2026-03-01.",
    endsOn:
      "End date: the date the service ends, in the same form. Leave it empty if the service continues until further notice.",
  },
  exampleTitle: "Example of a header row",
  exampleHeader:
    "Case OID;Client name;Personal identity code;Service task;Social service;Unit OID;Start date;End date",
  file: "CSV file",
  check: "Check file",
  apply: "Open access",
  applyHint: "Access can be opened once the same file has been checked and had no malformed rows.",
  chooseFile: "Choose a CSV file first.",
  phase: {
    read: "Reading and checking the file",
    check: "Comparing the file with the portal's data",
    write: "Saving access windows",
  },
  result: {
    checked: "Check complete. Nothing has been saved yet.",
    checkedNoIssues: "The file has no malformed rows. You can now open access.",
    hasIssues:
      "The file has {count, plural, one {# problem} other {# problems}}. Correct them and check the file again; access cannot be opened before that.",
    applied: "Done. Access has been opened.",
    notApplied:
      "Nothing was opened because the file has {count, plural, one {# problem} other {# problems}}. Correct them and check the file again.",
  },
  summary: {
    caption: "Summary",
    item: "Item",
    count: "Count",
    records: "Rows in the file",
    wouldOpen: "Access windows to open",
    opened: "Access windows opened",
    openNow: "of which in force at once",
    planned: "of which start later",
    closed: "of which already ended",
    already: "Already opened earlier (not opened again)",
    refused: "Refused rows",
    newClients: "New clients",
    newCases: "New cases",
  },
  byProvider: {
    caption: "Refused rows by provider",
    provider: "Provider",
    refused: "Refused rows",
    reasons: "Reasons",
    reasonCount: "{reason}: {count}",
    unknownProvider: "Service unit not in the register",
  },
  byReason: {
    caption: "Reasons for refusal",
    reason: "Reason",
    rows: "Rows",
    explanation: "Explanation",
  },
  issues: {
    caption: "Malformed rows",
    line: "Line",
    field: "Column",
    problem: "Problem",
    more: "The table shows the first {max} problems. {count, plural, one {# more problem is} other {# more problems are}} not shown here.",
  },
  fields: {
    caseOid: "Case OID",
    clientName: "Client name",
    hetu: "Personal identity code",
    serviceTask: "Service task",
    service: "Social service",
    unitOid: "Unit OID",
    startsOn: "Start date",
    endsOn: "End date",
    file: "File",
  },
  errors: {
    required: "{field}: required information is missing.",
    missingColumn:
      "{field}: the column is missing from the header row. Check the column heading against the example on this page.",
    duplicateColumn:
      "{field}: the header row has two columns for the same information ({value}). Remove one of them.",
    columns:
      "The row has {value} columns but the header row has {expected}. Check the delimiters and quotation marks.",
    caseOid:
      "{field}: {value} is not a valid OID. A case OID is numbers separated by dots, for example 1.2.246.10.2840015.15.2026.1001.",
    tooLong: "{field}: at most {max} characters.",
    serviceTask:
      "{field}: unknown service task {value}. Use one of these: Services for older people, Services for working-age people, Services for families with children, Child welfare, Disability services.",
    service:
      "{field}: unknown social service {value}. Use the name in the service list, for example Communal housing or Home care.",
    date: "{field}: {value} is not a date. Enter the date as 1.3.2026 or 2026-03-01.",
    endBeforeStart: "{field}: the service cannot end before it starts.",
    caseOtherHetu:
      "{field}: the same case OID is on line {line} with a different personal identity code. A case belongs to one client.",
    caseOtherTask:
      "{field}: the same case OID is on line {line} with a different service task. A case has one service task.",
    encoding:
      "The file is not in UTF-8 (at line {line}). Save it in Excel in the CSV UTF-8 format and try again.",
    unreadable:
      "The file cannot be read at line {line}. Check the quotation marks and save the file again as CSV.",
    empty: "The file is empty. The first row must hold the column headings.",
    failed: "Processing failed and nothing was saved. Please try again.",
    forbidden: "You are not allowed to use the go-live bulk step.",
    tooLarge: "The file is too large. The largest allowed size is {max} MB.",
    wrongType: "Choose a CSV file.",
    uploadFailed:
      "Uploading the file was interrupted. Check your network connection and try again; nothing was saved.",
  },
  reasons: {
    case_other_organiser:
      "The case OID is already in use and cannot be attached to a client of this welfare area. Check the case OID.",
    unknown_unit:
      "There is no service unit with this OID in the welfare area's provider register. Check the OID or add the service unit to the register.",
    case_other_client:
      "The case already belongs to another client in the portal. Check the case OID and the personal identity code.",
    ended_before_go_live:
      "The service ended so long before the go-live date that access would have ended before it started. There is nothing to open.",
  },
  reasonShort: {
    case_other_organiser: "Case OID already in use",
    unknown_unit: "Unknown service unit",
    case_other_client: "Case belongs to another client",
    no_oid: "No OID",
    system_not_tested: "System has not passed the deployment test",
    service_voucher: "Service voucher",
    only_services_without_cis: "Service needs no client information system",
    home_care_only: "Home care only",
    ended_before_go_live: "Ended before go-live",
  },
};

export const goliveMessages = { fi, sv, en };

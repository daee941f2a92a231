/**
 * Messages of the readiness dashboard and of the provider list's readiness filters (namespace
 * "dashboard"), fi/sv/en with the same keys. ICU placeholders: {count}, {date}, {name},
 * {version}. No angle brackets (next-intl would read them as tags).
 */
export const dashboardMessages = {
  fi: {
    title: "Valmius",
    intro:
      "Kuinka moni palveluntuottaja on valmis käyttöoikeuksien avaamiseen ja miksi muut eivät vielä ole. Jokainen luku avaa luettelon palveluntuottajista, joita se koskee.",
    policy:
      "Oikeutus lasketaan hyvinvointialueen voimassa olevalla käytännöllä ({version, plural, =0 {oletusasetukset} other {versio #}}).",
    figuresLabel: "Yhteenveto",
    figureProviders: "Palveluntuottajia rekisterissä",
    stages: {
      invited: "Kutsuttu",
      oid_submitted: "OID ilmoitettu",
      oid_verified: "OID tarkistettu",
      system_tested: "Järjestelmä testattu",
      kanta_in_use: "Kanta-toiminnallisuudet käytössä",
      eligible: "Oikeutettu käyttöoikeuteen",
      access_opened: "Käyttöoikeus avattu",
      case_numbers_delivered: "Asianumerot toimitettu",
    },
    stopReasons: {
      invited: "Kaikki hyvinvointialueen rekisterin palveluntuottajat ovat mukana.",
      oid_submitted:
        "Yhdenkään palveluyksikön OID-tunnusta ei ole ilmoitettu, tai ilmoitettu tunnus vaatii toimia tai on palautettu korjattavaksi.",
      oid_verified: "OID on ilmoitettu, mutta yhtäkään ei ole vielä tarkistettu.",
      system_tested:
        "Yhdenkään palveluyksikön asiakastietojärjestelmä ei ole läpäissyt käyttöönottokoetta hyvinvointialueen kanssa.",
      kanta_in_use:
        "Yhdelläkään palveluyksiköllä ei ole Kanta-toiminnallisuuksia käytössä. Käyttöoikeus voidaan antaa ilman niitäkin.",
      eligible: "Ei oikeutettu käyttöoikeuteen:",
      access_opened:
        "Oikeutettu, mutta yhtään käyttöoikeusjaksoa ei ole vielä avattu tai suunniteltu.",
      case_numbers_delivered:
        "Käyttöoikeus on avattu, mutta asianumeroita ei ole vielä toimitettu palveluntuottajalle.",
    },
    eligibleReasons: {
      no_oid: "palveluyksiköllä ei ole OID-tunnusta",
      system_not_tested: "järjestelmä ei ole läpäissyt käyttöönottokoetta",
      service_voucher: "vain palvelusetelillä tuotettuja palveluja",
      only_services_without_cis:
        "hyvinvointialue ei osta palveluntuottajalta palvelua, joka edellyttää asiakastietojärjestelmää",
      home_care_only: "vain kotihoitoa",
      oid_and_test_on_different_units:
        "OID-tunnus ja testattu järjestelmä ovat eri palveluyksiköillä",
    },
    funnel: {
      title: "Valmiussuppilo",
      intro:
        "Palveluntuottaja saavuttaa vaiheen, kun se täyttää vaiheen ehdon ja kaikkien aiempien vaiheiden ehdot. Pysähtyneet saavuttivat edellisen vaiheen mutta eivät tätä.",
      caption: "Palveluntuottajat valmiusvaiheittain",
      stage: "Vaihe",
      reached: "Saavuttaneet",
      stopped: "Pysähtyneet tähän",
      reason: "Syy",
    },
    keyDates: {
      title: "Tärkeät päivämäärät",
      caption: "Tärkeät päivämäärät, tänään {date}",
      event: "Tapahtuma",
      date: "Päivämäärä",
      remaining: "Aikaa jäljellä",
      goLive: "Käyttöoikeudet avataan nykyisille asiakkaille",
      caseNumbers: "Asianumerot toimitettava palveluntuottajille",
      useBy: "Käyttöoikeuden käyttö aloitettava viimeistään",
      lastStart: "Asiakastietojärjestelmän oltava käytössä viimeistään",
      daysLeft: "{count, plural, =0 {Tänään} one {# päivä} other {# päivää}}",
      passed: "{count, plural, one {Ohitettu # päivä sitten} other {Ohitettu # päivää sitten}}",
    },
    systems: {
      title: "Asiakastietojärjestelmät",
      intro:
        "Käyttöönottokoe tehdään kerran järjestelmää kohden. Odottavan kokeen läpäisy tekisi oikeutetuiksi ne palveluntuottajat, joilta puuttuu vain se.",
      caption: "Palveluntuottajat asiakastietojärjestelmittäin",
      system: "Järjestelmä",
      testStatus: "Käyttöönottokoe",
      providers: "Palveluntuottajia",
      eligible: "Oikeutettuja",
      unblocks: "Kokeen läpäisy tekisi oikeutetuiksi",
      noSystem: "Ei asiakastietojärjestelmää",
    },
    tasks: {
      title: "Palvelutehtävät",
      intro:
        "Palvelutehtävät niiden asioiden mukaan, joissa palveluntuottajan palveluyksiköllä on käyttöoikeusjakso.",
      caption: "Palveluntuottajat palvelutehtävittäin",
      task: "Palvelutehtävä",
      providers: "Palveluntuottajia",
      none: "Ei vielä asioita",
    },
    filters: {
      label: "Voimassa olevat suodatukset",
      chip: "Suodatus: {name}",
      remove: "poista suodatus",
      stoppedAt: "pysähtynyt vaiheeseen {name}",
      cis: "järjestelmä {name}",
      noCis: "ei asiakastietojärjestelmää",
      noTask: "ei vielä asioita",
      unblockedBy: "odottaa järjestelmän {name} käyttöönottokoetta",
      unknownSystem: "tuntematon järjestelmä",
    },
  },
  sv: {
    title: "Beredskap",
    intro:
      "Hur många tjänsteproducenter som är redo för att användningsrätterna öppnas och varför de övriga ännu inte är det. Varje tal öppnar en lista över de tjänsteproducenter det gäller.",
    policy:
      "Berättigandet beräknas enligt välfärdsområdets gällande praxis ({version, plural, =0 {standardinställningar} other {version #}}).",
    figuresLabel: "Sammandrag",
    figureProviders: "Tjänsteproducenter i registret",
    stages: {
      invited: "Inbjuden",
      oid_submitted: "OID anmäld",
      oid_verified: "OID kontrollerad",
      system_tested: "System testat",
      kanta_in_use: "Kanta-funktioner i bruk",
      eligible: "Berättigad till användningsrätt",
      access_opened: "Användningsrätt öppnad",
      case_numbers_delivered: "Ärendenummer levererade",
    },
    stopReasons: {
      invited: "Alla tjänsteproducenter i välfärdsområdets register är med.",
      oid_submitted:
        "Ingen serviceenhets OID-kod har anmälts, eller den anmälda koden kräver åtgärder eller har returnerats för korrigering.",
      oid_verified: "OID har anmälts, men ingen har ännu kontrollerats.",
      system_tested:
        "Ingen serviceenhets klientdatasystem har klarat ibruktagningstestet med välfärdsområdet.",
      kanta_in_use:
        "Ingen serviceenhet har Kanta-funktioner i bruk. Användningsrätt kan ges även utan dem.",
      eligible: "Inte berättigad till användningsrätt:",
      access_opened:
        "Berättigad, men ingen period för användningsrätt har ännu öppnats eller planerats.",
      case_numbers_delivered:
        "Användningsrätten har öppnats, men ärendenumren har ännu inte levererats till tjänsteproducenten.",
    },
    eligibleReasons: {
      no_oid: "serviceenheten har ingen OID-kod",
      system_not_tested: "systemet har inte klarat ibruktagningstestet",
      service_voucher: "endast tjänster med servicesedel",
      only_services_without_cis:
        "välfärdsområdet köper ingen tjänst av tjänsteproducenten som förutsätter ett klientdatasystem",
      home_care_only: "endast hemvård",
      oid_and_test_on_different_units:
        "OID-koden och det testade systemet finns på olika serviceenheter",
    },
    funnel: {
      title: "Beredskapstratt",
      intro:
        "En tjänsteproducent når ett skede när den uppfyller villkoret för skedet och för alla tidigare skeden. De som stannat nådde föregående skede men inte detta.",
      caption: "Tjänsteproducenter per beredskapsskede",
      stage: "Skede",
      reached: "Har nått",
      stopped: "Stannat här",
      reason: "Orsak",
    },
    keyDates: {
      title: "Viktiga datum",
      caption: "Viktiga datum, i dag {date}",
      event: "Händelse",
      date: "Datum",
      remaining: "Tid kvar",
      goLive: "Användningsrätterna öppnas för nuvarande klienter",
      caseNumbers: "Ärendenumren ska levereras till tjänsteproducenterna",
      useBy: "Användningsrätten ska tas i bruk senast",
      lastStart: "Klientdatasystemet ska vara i bruk senast",
      daysLeft: "{count, plural, =0 {I dag} one {# dag} other {# dagar}}",
      passed: "{count, plural, one {Passerat för # dag sedan} other {Passerat för # dagar sedan}}",
    },
    systems: {
      title: "Klientdatasystem",
      intro:
        "Ibruktagningstestet görs en gång per system. Om ett väntande test godkänns blir de tjänsteproducenter berättigade som bara saknar det.",
      caption: "Tjänsteproducenter per klientdatasystem",
      system: "System",
      testStatus: "Ibruktagningstest",
      providers: "Tjänsteproducenter",
      eligible: "Berättigade",
      unblocks: "Ett godkänt test skulle göra berättigade",
      noSystem: "Inget klientdatasystem",
    },
    tasks: {
      title: "Serviceuppgifter",
      intro:
        "Serviceuppgifter enligt de ärenden där tjänsteproducentens serviceenhet har en period för användningsrätt.",
      caption: "Tjänsteproducenter per serviceuppgift",
      task: "Serviceuppgift",
      providers: "Tjänsteproducenter",
      none: "Inga ärenden ännu",
    },
    filters: {
      label: "Gällande filter",
      chip: "Filter: {name}",
      remove: "ta bort filtret",
      stoppedAt: "stannat vid skedet {name}",
      cis: "system {name}",
      noCis: "inget klientdatasystem",
      noTask: "inga ärenden ännu",
      unblockedBy: "väntar på ibruktagningstest av systemet {name}",
      unknownSystem: "okänt system",
    },
  },
  en: {
    title: "Readiness",
    intro:
      "How many providers are ready for access to open, and why the others are not yet. Every number opens the list of the providers it counts.",
    policy:
      "Eligibility is calculated with the welfare area's policy in force ({version, plural, =0 {default settings} other {version #}}).",
    figuresLabel: "Summary",
    figureProviders: "Providers in the registry",
    stages: {
      invited: "Invited",
      oid_submitted: "OID submitted",
      oid_verified: "OID verified",
      system_tested: "System tested",
      kanta_in_use: "Kanta functions in use",
      eligible: "Eligible for access",
      access_opened: "Access opened",
      case_numbers_delivered: "Case numbers delivered",
    },
    stopReasons: {
      invited: "Every provider in the welfare area's registry is included.",
      oid_submitted:
        "No service unit's OID has been submitted, or the submitted OID needs attention or was returned for correction.",
      oid_verified: "OIDs have been submitted, but none has been verified yet.",
      system_tested:
        "No service unit's client information system has passed the deployment test with the welfare area.",
      kanta_in_use:
        "No service unit has Kanta functions in use. Access can be granted without them too.",
      eligible: "Not eligible for access:",
      access_opened: "Eligible, but no access window has been opened or planned yet.",
      case_numbers_delivered:
        "Access has been opened, but no case numbers have been delivered to the provider yet.",
    },
    eligibleReasons: {
      no_oid: "the service unit has no OID",
      system_not_tested: "the system has not passed the deployment test",
      service_voucher: "only services under a service voucher",
      only_services_without_cis:
        "the welfare area buys no service from the provider that needs a client information system",
      home_care_only: "home care only",
      oid_and_test_on_different_units:
        "the OID and the tested system are on different service units",
    },
    funnel: {
      title: "Readiness funnel",
      intro:
        "A provider reaches a stage when it meets that stage's condition and those of every earlier stage. Those stopped reached the previous stage but not this one.",
      caption: "Providers by readiness stage",
      stage: "Stage",
      reached: "Reached",
      stopped: "Stopped here",
      reason: "Reason",
    },
    keyDates: {
      title: "Key dates",
      caption: "Key dates, today {date}",
      event: "Event",
      date: "Date",
      remaining: "Time left",
      goLive: "Access opens for existing clients",
      caseNumbers: "Case numbers delivered to providers by",
      useBy: "Providers begin to use access by",
      lastStart: "Client information system in use by",
      daysLeft: "{count, plural, =0 {Today} one {# day} other {# days}}",
      passed: "{count, plural, one {Passed # day ago} other {Passed # days ago}}",
    },
    systems: {
      title: "Client information systems",
      intro:
        "The deployment test is done once per system. Passing a pending test would make eligible the providers that lack only that.",
      caption: "Providers by client information system",
      system: "System",
      testStatus: "Deployment test",
      providers: "Providers",
      eligible: "Eligible",
      unblocks: "Passing the test would make eligible",
      noSystem: "No client information system",
    },
    tasks: {
      title: "Service tasks",
      intro:
        "Service tasks of the cases in which the provider's service unit has an access window.",
      caption: "Providers by service task",
      task: "Service task",
      providers: "Providers",
      none: "No cases yet",
    },
    filters: {
      label: "Active filters",
      chip: "Filter: {name}",
      remove: "remove filter",
      stoppedAt: "stopped at {name}",
      cis: "system {name}",
      noCis: "no client information system",
      noTask: "no cases yet",
      unblockedBy: "waiting for the deployment test of {name}",
      unknownSystem: "unknown system",
    },
  },
};

/**
 * Messages for the eligibility policy settings page (namespace "policy"), fi/sv/en. Field labels
 * double as {field} in the validation messages of lib/eligibility/messages.ts. No angle brackets.
 */
const fi = {
  title: "Rekisterinkäyttöoikeuden periaatteet",
  intro:
    "Näillä asetuksilla hyvinvointialue päättää, milloin rekisterinkäyttöoikeus avautuu ja mihin palveluihin se annetaan. Jokainen tallennus on uusi versio, ja jo myönnetyt oikeudet muistavat version, jonka mukaan ne myönnettiin.",
  versionInForce: "Voimassa on versio {version}.",
  defaultsInForce:
    "Voimassa ovat oletusasetukset (versio 0). Periaatteita ei ole vielä tallennettu.",
  formLabel: "Periaatteiden muokkaus",
  windowSection: "Rekisterinkäyttöoikeuden kesto",
  windowHelp:
    "Oikeus voi alkaa enintään näin monta päivää ennen palvelun alkua ja päättyy näin monta päivää palvelun päättymisen jälkeen. Anna päivien määrä väliltä 0–60.",
  daysBeforeStart: "Päiviä ennen palvelun alkua",
  daysAfterEnd: "Päiviä palvelun päättymisen jälkeen",
  datesSection: "Keskeiset päivämäärät",
  goLiveDate: "Oikeuksien avaamispäivä",
  goLiveDateHelp: "Nykyiset asiakkaat saavat rekisterinkäyttöoikeuden kerralla tänä päivänä.",
  caseNumberDeadline: "Asianumeroiden toimituksen määräpäivä",
  caseNumberDeadlineHelp:
    "Asianumerot toimitetaan viimeistään tänä päivänä palveluntuottajille, joiden asiakastietojärjestelmä tarvitsee niitä.",
  useByDate: "Käytön aloittamisen määräpäivä",
  useByDateHelp:
    "Palveluntuottajien on aloitettava rekisterinkäyttöoikeuden käyttö viimeistään tänä päivänä.",
  servicesSection: "Palvelut, joissa edellytetään asiakastietojärjestelmää",
  servicesHelp:
    "Valitut palvelut avaavat rekisterinkäyttöoikeuden. Palveluun, jota ei ole valittu, oikeus annetaan vain, jos palveluntuottaja tuottaa hyvinvointialueelle ostopalveluna myös valittua palvelua.",
  homeCareHelp:
    "Kotihoitoon sovelletaan aina erityissääntöä: oikeus annetaan vain, jos palveluntuottaja tuottaa myös muuta palvelua, johon oikeus annetaan. Tämä valinta ei muuta sitä.",
  save: "Tallenna periaatteet",
  saved: "Periaatteet tallennettiin versiona {version}.",
  unchanged: "Mitään ei muutettu. Voimassa on edelleen versio {version}.",
  historyTitle: "Versiohistoria",
  historyCaption: "Tallennetut versiot, uusin ensin",
  version: "Versio",
  savedBy: "Tallentaja",
  savedAt: "Tallennettu",
  builtInDefaults: "Oletusasetukset",
  inForce: "voimassa",
  unknownUser: "Tuntematon käyttäjä",
};

type PolicyMessageKey = keyof typeof fi;

export const policyMessages = {
  fi,
  sv: {
    title: "Principer för registeranvändningsrätt",
    intro:
      "Med dessa inställningar bestämmer välfärdsområdet när registeranvändningsrätten öppnas och för vilka tjänster den ges. Varje sparning är en ny version, och redan beviljade rätter minns den version som de beviljades enligt.",
    versionInForce: "Version {version} gäller.",
    defaultsInForce:
      "Standardinställningarna (version 0) gäller. Principerna har ännu inte sparats.",
    formLabel: "Redigering av principerna",
    windowSection: "Registeranvändningsrättens längd",
    windowHelp:
      "Rätten kan börja högst så här många dagar före tjänstens början och upphör så här många dagar efter att tjänsten upphört. Ange ett antal dagar mellan 0 och 60.",
    daysBeforeStart: "Dagar före tjänstens början",
    daysAfterEnd: "Dagar efter att tjänsten upphört",
    datesSection: "Viktiga datum",
    goLiveDate: "Dag då rätterna öppnas",
    goLiveDateHelp: "Befintliga klienter får registeranvändningsrätt på en gång denna dag.",
    caseNumberDeadline: "Sista dag för leverans av ärendenummer",
    caseNumberDeadlineHelp:
      "Ärendenumren levereras senast denna dag till tjänsteproducenter vars klientdatasystem behöver dem.",
    useByDate: "Sista dag för att börja använda rätten",
    useByDateHelp:
      "Tjänsteproducenterna ska börja använda registeranvändningsrätten senast denna dag.",
    servicesSection: "Tjänster som förutsätter ett klientdatasystem",
    servicesHelp:
      "De valda tjänsterna öppnar registeranvändningsrätt. För en tjänst som inte är vald ges rätten bara om tjänsteproducenten också producerar en vald tjänst som köpt tjänst för välfärdsområdet.",
    homeCareHelp:
      "För hemvård gäller alltid en särskild regel: rätten ges bara om tjänsteproducenten också producerar en annan tjänst som ger rätt. Detta val ändrar inte det.",
    save: "Spara principerna",
    saved: "Principerna sparades som version {version}.",
    unchanged: "Inget ändrades. Version {version} gäller fortfarande.",
    historyTitle: "Versionshistorik",
    historyCaption: "Sparade versioner, den senaste först",
    version: "Version",
    savedBy: "Sparad av",
    savedAt: "Sparad",
    builtInDefaults: "Standardinställningar",
    inForce: "gäller",
    unknownUser: "Okänd användare",
  },
  en: {
    title: "Register access policy",
    intro:
      "With these settings the welfare area decides when register access opens and for which services it is granted. Every save is a new version, and access already granted remembers the version it was granted under.",
    versionInForce: "Version {version} is in force.",
    defaultsInForce:
      "The built-in defaults (version 0) are in force. No policy has been saved yet.",
    formLabel: "Edit the policy",
    windowSection: "Length of register access",
    windowHelp:
      "Access may begin at most this many days before the service starts and ends this many days after the service ends. Enter a number of days from 0 to 60.",
    daysBeforeStart: "Days before the service starts",
    daysAfterEnd: "Days after the service ends",
    datesSection: "Key dates",
    goLiveDate: "Date on which access opens",
    goLiveDateHelp: "Existing clients get register access all at once on this date.",
    caseNumberDeadline: "Deadline for delivering case numbers",
    caseNumberDeadlineHelp:
      "Case numbers are delivered by this date to providers whose client information system needs them.",
    useByDate: "Date by which use must begin",
    useByDateHelp: "Providers must begin to use register access by this date.",
    servicesSection: "Services that need a client information system",
    servicesHelp:
      "The selected services open register access. A service that is not selected gets access only if the provider also produces a selected service for the welfare area as a purchased service.",
    homeCareHelp:
      "Home care is always decided by a special rule: access is granted only if the provider also produces another service that is given access. This choice does not change that.",
    save: "Save policy",
    saved: "The policy was saved as version {version}.",
    unchanged: "Nothing was changed. Version {version} remains in force.",
    historyTitle: "Version history",
    historyCaption: "Saved versions, newest first",
    version: "Version",
    savedBy: "Saved by",
    savedAt: "Saved at",
    builtInDefaults: "Built-in defaults",
    inForce: "in force",
    unknownUser: "Unknown user",
  },
} satisfies Record<"fi" | "sv" | "en", Record<PolicyMessageKey, string>>;

/**
 * Plain-language messages for the eligibility policy (./policy.ts): one per IneligibleReason
 * and per DecisionNote, in Finnish, Swedish and English. They take no placeholders and work
 * both for one client's service (decideAccess) and for the provider as a whole
 * (providerEligibility). `policySettingsMessages` has one message per settings validation error
 * key, with {field} naming the field. No angle brackets (next-intl would read them as tags).
 */
import type { DecisionNote, IneligibleReason, PolicySettingsErrorKey } from "./policy";

type EligibilityMessageKey = IneligibleReason | DecisionNote;

export const eligibilityMessages = {
  fi: {
    no_oid:
      "Palveluyksiköllä ei ole OID-tunnusta. Rekisterinkäyttöoikeutta ei voida antaa ennen kuin palveluntuottaja on ilmoittanut palveluyksikön OID-tunnuksen SOTE-organisaatiorekisteristä.",
    system_not_tested:
      "Palveluyksikön asiakastietojärjestelmä ei ole läpäissyt käyttöönottokoetta hyvinvointialueen kanssa. Rekisterinkäyttöoikeus voidaan antaa, kun käyttöönottokoe on hyväksytty.",
    service_voucher:
      "Palvelusetelillä tuotettuun palveluun ei toistaiseksi anneta rekisterinkäyttöoikeutta. Hyvinvointialue tiedottaa, kun se on mahdollista.",
    only_services_without_cis:
      "Palveluihin, joissa ei edellytetä asiakastietojärjestelmää (esimerkiksi tukipalvelut, liikkumisen tuki ja asunnon muutostyöt), ei anneta rekisterinkäyttöoikeutta, ellei palveluntuottaja tuota hyvinvointialueelle ostopalveluna myös palvelua, jossa asiakastietojärjestelmää edellytetään.",
    home_care_only:
      "Kotihoitoon ei toistaiseksi anneta rekisterinkäyttöoikeutta. Oikeus avautuu myös kotihoitoon, jos palveluntuottaja tuottaa hyvinvointialueelle ostopalveluna myös muuta palvelua, johon rekisterinkäyttöoikeus annetaan, esimerkiksi yhteisöllistä asumista.",
    home_care_with_other_service:
      "Kotihoitoon annetaan rekisterinkäyttöoikeus, koska palveluntuottaja tuottaa hyvinvointialueelle ostopalveluna myös muuta palvelua, johon oikeus annetaan.",
    no_cis_service_with_other_service:
      "Tähän palveluun ei yksinään edellytetä asiakastietojärjestelmää, mutta rekisterinkäyttöoikeus annetaan, koska palveluntuottaja tuottaa hyvinvointialueelle ostopalveluna myös palvelua, jossa asiakastietojärjestelmää edellytetään.",
  },
  sv: {
    no_oid:
      "Serviceenheten har ingen OID-kod. Registeranvändningsrätt kan inte ges förrän tjänsteproducenten har anmält serviceenhetens OID-kod från SOTE-organisationsregistret.",
    system_not_tested:
      "Serviceenhetens klientdatasystem har inte klarat ibruktagningstestet med välfärdsområdet. Registeranvändningsrätt kan ges när ibruktagningstestet har godkänts.",
    service_voucher:
      "För tjänster som produceras med servicesedel ges tills vidare ingen registeranvändningsrätt. Välfärdsområdet informerar när det blir möjligt.",
    only_services_without_cis:
      "För tjänster som inte förutsätter ett klientdatasystem (till exempel stödtjänster, stöd för rörlighet och ändringsarbeten i bostaden) ges ingen registeranvändningsrätt, om inte tjänsteproducenten också producerar en tjänst som förutsätter ett klientdatasystem som köpt tjänst för välfärdsområdet.",
    home_care_only:
      "För hemvård ges tills vidare ingen registeranvändningsrätt. Rätten gäller även hemvården om tjänsteproducenten också producerar en annan tjänst som ger registeranvändningsrätt som köpt tjänst för välfärdsområdet, till exempel gemenskapsboende.",
    home_care_with_other_service:
      "Registeranvändningsrätt ges för hemvården eftersom tjänsteproducenten också producerar en annan tjänst som ger registeranvändningsrätt som köpt tjänst för välfärdsområdet.",
    no_cis_service_with_other_service:
      "Denna tjänst förutsätter i sig inget klientdatasystem, men registeranvändningsrätt ges eftersom tjänsteproducenten också producerar en tjänst som förutsätter ett klientdatasystem som köpt tjänst för välfärdsområdet.",
  },
  en: {
    no_oid:
      "The service unit has no OID. Register access cannot be granted until the service provider has submitted the service unit’s OID from the SOTE organisation register.",
    system_not_tested:
      "The service unit’s client information system has not passed the deployment test with the welfare area. Register access can be granted once the deployment test has been passed.",
    service_voucher:
      "Register access is not granted for services produced with a service voucher for the time being. The welfare area will announce when it becomes possible.",
    only_services_without_cis:
      "Register access is not granted for services that do not require a client information system (such as support services, mobility support and housing alterations), unless the service provider also produces, as a purchased service for the welfare area, a service that does require one.",
    home_care_only:
      "Register access is not granted for home care for the time being. It opens for home care too if the service provider also produces, as a purchased service for the welfare area, another service that is given register access, such as communal housing.",
    home_care_with_other_service:
      "Register access is granted for home care because the service provider also produces, as a purchased service for the welfare area, another service that is given register access.",
    no_cis_service_with_other_service:
      "This service does not in itself require a client information system, but register access is granted because the service provider also produces, as a purchased service for the welfare area, a service that does require one.",
  },
} satisfies Record<"fi" | "sv" | "en", Record<EligibilityMessageKey, string>>;

export const policySettingsMessages = {
  fi: {
    notObject: "{field}: asetukset puuttuvat tai ovat väärässä muodossa.",
    required: "{field}: pakollinen tieto.",
    notInteger: "{field}: anna kokonaisluku (päivien määrä).",
    outOfRange: "{field}: anna päivien määrä väliltä 0–60.",
    dateFormat: "{field}: anna päivämäärä muodossa vvvv-kk-pp, esimerkiksi 2026-06-15.",
    dateNotReal: "{field}: päivämäärää ei ole olemassa. Tarkista päivä ja kuukausi.",
    caseNumberDeadlineBeforeGoLive:
      "{field}: asianumeroiden toimituksen määräpäivä ei voi olla ennen rekisterinkäyttöoikeuksien avaamispäivää.",
    useByNotAfterCaseNumberDeadline:
      "{field}: käytön aloittamisen määräpäivän on oltava asianumeroiden toimituksen määräpäivän jälkeen.",
    unknownService: "{field}: tuntematon sosiaalipalvelu. Valitse palvelu palveluluettelosta.",
    notBoolean: "{field}: valitse kyllä tai ei.",
  },
  sv: {
    notObject: "{field}: inställningarna saknas eller har fel format.",
    required: "{field}: obligatorisk uppgift.",
    notInteger: "{field}: ange ett heltal (antal dagar).",
    outOfRange: "{field}: ange ett antal dagar mellan 0 och 60.",
    dateFormat: "{field}: ange datumet i formen åååå-mm-dd, till exempel 2026-06-15.",
    dateNotReal: "{field}: datumet finns inte. Kontrollera dag och månad.",
    caseNumberDeadlineBeforeGoLive:
      "{field}: sista dagen för leverans av ärendenummer kan inte vara före den dag då registeranvändningsrätterna öppnas.",
    useByNotAfterCaseNumberDeadline:
      "{field}: sista dagen för att börja använda rätten ska vara efter sista dagen för leverans av ärendenummer.",
    unknownService: "{field}: okänd socialservice. Välj tjänsten i tjänsteförteckningen.",
    notBoolean: "{field}: välj ja eller nej.",
  },
  en: {
    notObject: "{field}: the settings are missing or in the wrong format.",
    required: "{field}: required.",
    notInteger: "{field}: enter a whole number of days.",
    outOfRange: "{field}: enter a number of days from 0 to 60.",
    dateFormat: "{field}: enter the date as yyyy-mm-dd, for example 2026-06-15.",
    dateNotReal: "{field}: this date does not exist. Check the day and the month.",
    caseNumberDeadlineBeforeGoLive:
      "{field}: the deadline for delivering case numbers cannot be before the date on which register access opens.",
    useByNotAfterCaseNumberDeadline:
      "{field}: the date by which use must begin must be after the deadline for delivering case numbers.",
    unknownService: "{field}: unknown social service. Choose a service from the catalogue.",
    notBoolean: "{field}: choose yes or no.",
  },
} satisfies Record<"fi" | "sv" | "en", Record<PolicySettingsErrorKey, string>>;

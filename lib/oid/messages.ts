/**
 * ICU messages for service-unit OID validation (lib/oid/validate.ts), one per OidErrorCode,
 * plus `duplicate` and `label` for callers. Format with next-intl's translator and
 * `{ field, ...verdict.params }` (and `{ unit }` for `duplicate`).
 *
 * Placeholders: every error message uses {field} and {example}; otherBusinessId also {found}
 * and {expected}; invalidBusinessId also {expected}. Each message says what is wrong and what
 * the right OID looks like. No angle brackets (next-intl would read them as rich-text tags).
 */
import type { OidErrorCode } from "./validate";

type OidMessageKey = OidErrorCode | "duplicate" | "label";

export const oidMessages = {
  fi: {
    empty:
      "{field}: pakollinen tieto. Ilmoita palveluyksikön OID-tunnus SOTE-organisaatiorekisteristä, muotoa {example}.",
    syntax:
      "{field}: tämä ei ole kelvollinen OID-tunnus. Tunnuksessa saa olla vain numeroita 0–9 ja niiden välissä pisteitä, ei välilyöntejä, kirjaimia tai muita merkkejä. Palveluyksikön OID-tunnus on muotoa {example}.",
    emptyArc:
      "{field}: OID-tunnus ei saa alkaa eikä päättyä pisteeseen, eikä siinä saa olla kahta pistettä peräkkäin. Tarkista, että kopioit koko tunnuksen. Oikea muoto on {example}.",
    leadingZero:
      "{field}: OID-tunnuksen pisteiden välissä oleva numero ei saa alkaa nollalla (esimerkiksi 01). Tarkista tunnus SOTE-organisaatiorekisteristä. Oikea muoto on {example}.",
    tooLong:
      "{field}: OID-tunnus on liian pitkä. Ilmoita yksi palveluyksikön OID-tunnus, muotoa {example}.",
    notFinnishOrganisation:
      "{field}: tämä ei ole suomalaisen organisaation OID-tunnus (ne alkavat 1.2.246.10.). Ilmoita palveluyksikön OID-tunnus SOTE-organisaatiorekisteristä, muotoa {example}.",
    invalidBusinessId:
      "{field}: OID-tunnusta ei voi tarkistaa, koska palveluntuottajan Y-tunnus {expected} ei ole kelvollinen. Palveluyksikön OID-tunnus alkaa 1.2.246.10. ja Y-tunnuksen numeroilla ilman väliviivaa, esimerkiksi {example}. Pyydä hyvinvointialuetta korjaamaan Y-tunnus.",
    otherBusinessId:
      "{field}: OID-tunnus kuuluu toiselle organisaatiolle ({found}), ei Y-tunnukselle {expected}. Ilmoita tämän palveluntuottajan oman palveluyksikön OID-tunnus, muotoa {example}.",
    organisationUnit:
      "{field}: tämä on toimintayksikön OID (päättyy .10.0), jota ei ilmoiteta. Ilmoita palveluyksikön OID SOTE-organisaatiorekisteristä, muotoa {example}.",
    notServiceUnit:
      "{field}: tämä OID-tunnus kuuluu palveluntuottajalle, mutta se ei ole palveluyksikön OID. Palveluyksikön OID päättyy .10. ja yksikön numeroon, muotoa {example}. Tarkista tunnus SOTE-organisaatiorekisteristä.",
    duplicate:
      "{field}: OID on jo palveluyksiköllä {unit}. Jokaisella palveluyksiköllä on oma OID-tunnuksensa. Tarkista oikea tunnus SOTE-organisaatiorekisteristä.",
    label: "Palveluyksikön OID",
  },
  sv: {
    empty:
      "{field}: obligatorisk uppgift. Ange serviceenhetens OID-kod från SOTE-organisationsregistret, i formen {example}.",
    syntax:
      "{field}: detta är inte en giltig OID-kod. Koden får bara innehålla siffrorna 0–9 med punkter emellan, inga mellanslag, bokstäver eller andra tecken. Serviceenhetens OID-kod har formen {example}.",
    emptyArc:
      "{field}: OID-koden får inte börja eller sluta med punkt och får inte ha två punkter i rad. Kontrollera att du har kopierat hela koden. Rätt form är {example}.",
    leadingZero:
      "{field}: en siffergrupp mellan punkterna i OID-koden får inte börja med noll (till exempel 01). Kontrollera koden i SOTE-organisationsregistret. Rätt form är {example}.",
    tooLong:
      "{field}: OID-koden är för lång. Ange en enda OID-kod för serviceenheten, i formen {example}.",
    notFinnishOrganisation:
      "{field}: detta är inte en finländsk organisations OID-kod (de börjar med 1.2.246.10.). Ange serviceenhetens OID-kod från SOTE-organisationsregistret, i formen {example}.",
    invalidBusinessId:
      "{field}: OID-koden kan inte kontrolleras eftersom tjänsteproducentens FO-nummer {expected} inte är giltigt. Serviceenhetens OID-kod börjar med 1.2.246.10. och FO-numrets siffror utan bindestreck, till exempel {example}. Be välfärdsområdet att rätta FO-numret.",
    otherBusinessId:
      "{field}: OID-koden hör till en annan organisation ({found}), inte till FO-nummer {expected}. Ange OID-koden för den här tjänsteproducentens egen serviceenhet, i formen {example}.",
    organisationUnit:
      "{field}: detta är verksamhetsenhetens OID-kod (slutar med .10.0), som inte ska anmälas. Ange serviceenhetens OID-kod från SOTE-organisationsregistret, i formen {example}.",
    notServiceUnit:
      "{field}: denna OID-kod hör till tjänsteproducenten men är inte en serviceenhets OID-kod. Serviceenhetens OID-kod slutar med .10. och enhetens nummer, i formen {example}. Kontrollera koden i SOTE-organisationsregistret.",
    duplicate:
      "{field}: OID-koden används redan för serviceenheten {unit}. Varje serviceenhet har en egen OID-kod. Kontrollera rätt kod i SOTE-organisationsregistret.",
    label: "Serviceenhetens OID",
  },
  en: {
    empty:
      "{field}: required. Enter the service unit OID from the SOTE organisation register, in the format {example}.",
    syntax:
      "{field}: this is not a valid OID. It may contain only the digits 0–9 separated by dots, with no spaces, letters or other characters. A service unit OID looks like {example}.",
    emptyArc:
      "{field}: the OID must not start or end with a dot or contain two dots in a row. Check that you copied the whole OID. The right format is {example}.",
    leadingZero:
      "{field}: a number between the dots of the OID must not start with zero (such as 01). Check the OID in the SOTE organisation register. The right format is {example}.",
    tooLong:
      "{field}: the OID is too long. Enter a single service unit OID, in the format {example}.",
    notFinnishOrganisation:
      "{field}: this is not the OID of a Finnish organisation (those start with 1.2.246.10.). Enter the service unit OID from the SOTE organisation register, in the format {example}.",
    invalidBusinessId:
      "{field}: the OID cannot be checked because the service provider’s Business ID {expected} is not valid. A service unit OID starts with 1.2.246.10. followed by the digits of the Business ID without the hyphen, for example {example}. Ask the welfare area to correct the Business ID.",
    otherBusinessId:
      "{field}: the OID belongs to another organisation ({found}), not to Business ID {expected}. Enter the OID of this service provider’s own service unit, in the format {example}.",
    organisationUnit:
      "{field}: this is the organisation unit OID (ending in .10.0), which is not reported. Enter the service unit OID from the SOTE organisation register, in the format {example}.",
    notServiceUnit:
      "{field}: this OID belongs to the service provider but is not a service unit OID. A service unit OID ends in .10. and the unit number, in the format {example}. Check the OID in the SOTE organisation register.",
    duplicate:
      "{field}: the service unit {unit} already has this OID. Each service unit has its own OID. Check the right one in the SOTE organisation register.",
    label: "Service unit OID",
  },
} satisfies Record<"fi" | "sv" | "en", Record<OidMessageKey, string>>;

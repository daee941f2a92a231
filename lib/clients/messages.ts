/**
 * ICU messages for personal identity code (HETU) validation, one per error code.
 * Each takes {field} (the field label) and says what is wrong and the expected form.
 */
import type { HetuErrorCode } from "./hetu";

type HetuMessages = Record<HetuErrorCode | "label", string>;

const fi = {
  label: "Henkilötunnus",
  empty: "{field}: pakollinen tieto. Anna henkilötunnus muodossa ppkkvv-nnnT.",
  format:
    "{field}: henkilötunnus on väärää muotoa. Anna se muodossa ppkkvv-nnnT (syntymäaika, välimerkki, yksilönumero 002–999 ja tarkistusmerkki).",
  date: "{field}: henkilötunnuksen syntymäaikaa ei ole olemassa. Tarkista päivä, kuukausi ja vuosi, muotoa ppkkvv.",
  centurySign:
    "{field}: välimerkki on virheellinen. Käytä merkkiä + (1800-luku), -, Y, X, W, V tai U (1900-luku) tai A, B, C, D, E tai F (2000-luku), muotoa ppkkvv-nnnT.",
  checkCharacter: "{field}: tarkistusmerkki ei täsmää. Tarkista henkilötunnus, muotoa ppkkvv-nnnT.",
  notTemporary:
    "{field}: vain tilapäinen henkilötunnus kelpaa (yksilönumero 900–999), muotoa ppkkvv-9nnT.",
} satisfies HetuMessages;

const sv = {
  label: "Personbeteckning",
  empty: "{field}: obligatorisk uppgift. Ange personbeteckningen i formen ddmmåå-nnnK.",
  format:
    "{field}: personbeteckningen har fel format. Ange den i formen ddmmåå-nnnK (födelsedatum, skiljetecken, individnummer 002–999 och kontrolltecken).",
  date: "{field}: födelsedatumet i personbeteckningen finns inte. Kontrollera dag, månad och år, i formen ddmmåå.",
  centurySign:
    "{field}: skiljetecknet är fel. Använd + (1800-talet), -, Y, X, W, V eller U (1900-talet) eller A, B, C, D, E eller F (2000-talet), i formen ddmmåå-nnnK.",
  checkCharacter:
    "{field}: kontrolltecknet stämmer inte. Kontrollera personbeteckningen, i formen ddmmåå-nnnK.",
  notTemporary:
    "{field}: endast en tillfällig personbeteckning godkänns (individnummer 900–999), i formen ddmmåå-9nnK.",
} satisfies HetuMessages;

const en = {
  label: "Personal identity code",
  empty: "{field}: required. Enter the personal identity code in the form ddmmyy-nnnX.",
  format:
    "{field}: the personal identity code has the wrong format. Enter it in the form ddmmyy-nnnX (date of birth, century sign, individual number 002–999 and check character).",
  date: "{field}: the date of birth in the personal identity code does not exist. Check the day, month and year, in the form ddmmyy.",
  centurySign:
    "{field}: the century sign is not valid. Use + (1800s), -, Y, X, W, V or U (1900s) or A, B, C, D, E or F (2000s), in the form ddmmyy-nnnX.",
  checkCharacter:
    "{field}: the check character does not match. Check the personal identity code, in the form ddmmyy-nnnX.",
  notTemporary:
    "{field}: only a temporary personal identity code is accepted (individual number 900–999), in the form ddmmyy-9nnX.",
} satisfies HetuMessages;

export const hetuMessages = { fi, sv, en };

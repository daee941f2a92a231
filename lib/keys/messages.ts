/**
 * Messages for the encryption key field. Error messages are keyed by
 * KeyErrorCode and take {field} plus the verdict's params; "valid" and
 * "validNoExpiry" describe an accepted key ({kind} is the translated "smime"
 * or "pgp" label). No angle brackets: next-intl would read them as tags.
 */
import type { KeyErrorCode } from "./validate";

type KeyMessages = Record<KeyErrorCode, string> & {
  label: string;
  help: string;
  smime: string;
  pgp: string;
  valid: string;
  validNoExpiry: string;
};

const fi: KeyMessages = {
  label: "Salausavain (S/MIME-varmenne tai OpenPGP-julkinen avain)",
  help: "Liitä tähän sähköpostin salaukseen käytettävä S/MIME-varmenne tai OpenPGP-julkinen avain tekstinä. Varmenne alkaa rivillä -----BEGIN CERTIFICATE----- (myös Base64-muotoinen DER-varmenne käy), OpenPGP-avain rivillä -----BEGIN PGP PUBLIC KEY BLOCK-----. Varmenteessa tai avaimessa on oltava sama sähköpostiosoite kuin yhteystiedoissasi. Älä liitä yksityistä avainta.",
  smime: "S/MIME-varmenne",
  pgp: "OpenPGP-avain",
  valid: "{kind}, voimassa {date} asti, sormenjälki {fingerprint}",
  validNoExpiry: "{kind}, ei päättymispäivää, sormenjälki {fingerprint}",
  empty: "{field}: liitä varmenne tai julkinen avain.",
  tooLarge: "{field}: teksti on liian pitkä. Enimmäiskoko on 64 kt.",
  unreadable:
    "{field}: tekstiä ei tunnistettu S/MIME-varmenteeksi eikä OpenPGP-julkiseksi avaimeksi. Tarkista, että liitit koko tekstin alku- ja loppuriveineen.",
  privateKey:
    "{field}: teksti sisältää yksityisen avaimen, eikä sitä tallennettu. Liitä vain varmenne tai julkinen avain. Yksityistä avainta ei pidä antaa kenellekään.",
  expired: "{field}: varmenteen tai avaimen voimassaolo päättyi {date}.",
  notYetValid: "{field}: varmenne tai avain on voimassa vasta {date} alkaen.",
  emailMismatch:
    "{field}: varmenteessa tai avaimessa ei ole sähköpostiosoitetta {email}. Siinä olevat osoitteet: {found}.",
  noEncryptionUse:
    "{field}: varmennetta tai avainta ei voi käyttää sähköpostin salaamiseen. Tarvitaan sähköpostin salaukseen tarkoitettu RSA-varmenne tai OpenPGP-avain, jossa on voimassa oleva salausavain.",
  weakKey: "{field}: avain on liian lyhyt. RSA-avaimen on oltava vähintään 2048-bittinen.",
};

const sv: KeyMessages = {
  label: "Krypteringsnyckel (S/MIME-certifikat eller offentlig OpenPGP-nyckel)",
  help: "Klistra in S/MIME-certifikatet eller den offentliga OpenPGP-nyckeln som används för krypterad e-post som text. Ett certifikat börjar med raden -----BEGIN CERTIFICATE----- (även ett Base64-kodat DER-certifikat duger), en OpenPGP-nyckel med raden -----BEGIN PGP PUBLIC KEY BLOCK-----. Certifikatet eller nyckeln ska innehålla samma e-postadress som dina kontaktuppgifter. Klistra inte in din privata nyckel.",
  smime: "S/MIME-certifikat",
  pgp: "OpenPGP-nyckel",
  valid: "{kind}, giltig till {date}, fingeravtryck {fingerprint}",
  validNoExpiry: "{kind}, inget slutdatum, fingeravtryck {fingerprint}",
  empty: "{field}: klistra in ett certifikat eller en offentlig nyckel.",
  tooLarge: "{field}: texten är för lång. Maximal storlek är 64 kB.",
  unreadable:
    "{field}: texten kändes inte igen som ett S/MIME-certifikat eller en offentlig OpenPGP-nyckel. Kontrollera att du klistrade in hela texten inklusive första och sista raden.",
  privateKey:
    "{field}: texten innehåller en privat nyckel och sparades inte. Klistra endast in certifikatet eller den offentliga nyckeln. Den privata nyckeln ska inte ges till någon.",
  expired: "{field}: certifikatets eller nyckelns giltighet upphörde {date}.",
  notYetValid: "{field}: certifikatet eller nyckeln gäller först från och med {date}.",
  emailMismatch:
    "{field}: certifikatet eller nyckeln innehåller inte e-postadressen {email}. Adresser som finns: {found}.",
  noEncryptionUse:
    "{field}: certifikatet eller nyckeln kan inte användas för att kryptera e-post. Det behövs ett RSA-certifikat avsett för e-postkryptering eller en OpenPGP-nyckel med en giltig krypteringsnyckel.",
  weakKey: "{field}: nyckeln är för kort. En RSA-nyckel ska vara minst 2048 bitar.",
};

const en: KeyMessages = {
  label: "Encryption key (S/MIME certificate or OpenPGP public key)",
  help: "Paste the S/MIME certificate or OpenPGP public key used for encrypted e-mail as text. A certificate begins with the line -----BEGIN CERTIFICATE----- (a Base64-encoded DER certificate also works), an OpenPGP key with the line -----BEGIN PGP PUBLIC KEY BLOCK-----. The certificate or key must contain the same e-mail address as your contact details. Do not paste your private key.",
  smime: "S/MIME certificate",
  pgp: "OpenPGP key",
  valid: "{kind}, valid until {date}, fingerprint {fingerprint}",
  validNoExpiry: "{kind}, no expiry date, fingerprint {fingerprint}",
  empty: "{field}: paste a certificate or a public key.",
  tooLarge: "{field}: the text is too long. The maximum size is 64 KB.",
  unreadable:
    "{field}: the text was not recognised as an S/MIME certificate or an OpenPGP public key. Check that you pasted the whole text, including the first and last lines.",
  privateKey:
    "{field}: the text contains a private key and was not saved. Paste only the certificate or public key. Never give your private key to anyone.",
  expired: "{field}: the certificate or key expired on {date}.",
  notYetValid: "{field}: the certificate or key is not valid until {date}.",
  emailMismatch:
    "{field}: the certificate or key does not contain the e-mail address {email}. Addresses found: {found}.",
  noEncryptionUse:
    "{field}: the certificate or key cannot be used to encrypt e-mail. An RSA certificate intended for e-mail encryption, or an OpenPGP key with a valid encryption subkey, is required.",
  weakKey: "{field}: the key is too short. An RSA key must be at least 2048 bits.",
};

export const keyMessages = { fi, sv, en } satisfies Record<"fi" | "sv" | "en", KeyMessages>;

/**
 * Messages of reminders (namespace "reminders"), fi/sv/en: the page, the schedule form and the
 * e-mail templates. E-mails carry no client data: only counts, dates, unit names, case OIDs
 * (DOMAIN rule 5) and links. Placeholders: field, date, name, organiser, count, sent, failed,
 * url, deadline.
 */
export const reminderMessages = {
  fi: {
    title: "Muistutukset",
    intro:
      "Portaali muistuttaa sähköpostilla puuttuvista OID-tunnuksista, yhä avoimista käyttöoikeuksista palvelun päätyttyä ja asiakastietojen poistamisesta. Jokainen muistutus kirjataan lokiin, eikä samaa muistutusta lähetetä kahdesti.",
    kinds: {
      oid_missing: "Puuttuvat OID-tunnukset",
      window_should_close: "Käyttöoikeus yhä auki",
      delete_client_data: "Asiakastietojen poistaminen",
    },
    statuses: { queued: "Jonossa", sent: "Lähetetty", failed: "Epäonnistui" },
    schedule: {
      title: "Aikataulu",
      formLabel: "Muistutusten aikataulu",
      oidMissingEnabled: "Muistuta puuttuvista OID-tunnuksista",
      oidMissingDays: "Päivää ennen OID-keräyksen päättymistä",
      oidMissingDaysHelp: "Esimerkiksi 14, 3",
      windowShouldCloseEnabled: "Muistuta käyttöoikeuksista, jotka ovat auki palvelun päätyttyä",
      windowRepeatDays: "Toista muistutus, päivän välein",
      deleteClientDataEnabled: "Muistuta asiakastietojen poistamisesta",
      deleteDaysBefore: "Päivää ennen poistamisen määräpäivää",
      deleteDaysBeforeHelp: "Muistutus lähtee myös määräpäivänä.",
      save: "Tallenna aikataulu",
      saved: "Aikataulu on tallennettu.",
      unchanged: "Aikataulu ei muuttunut.",
      defaultsInUse: "Käytössä on oletusaikataulu.",
      lastSaved: "Aikataulua muutettu viimeksi {date} ({name}).",
    },
    errors: {
      oidMissingDays:
        "{field}: anna yhdestä viiteen kokonaislukua väliltä 0–60 pilkuilla erotettuina, esimerkiksi 14, 3.",
      windowRepeatDays: "{field}: anna kokonaisluku väliltä 1–90.",
      deleteDaysBefore: "{field}: anna kokonaisluku väliltä 1–180.",
      enabled: "{field}: valitse tai jätä valitsematta.",
    },
    run: {
      title: "Aja nyt",
      intro:
        "Muistutukset lasketaan ja lähetetään automaattisesti 15 minuutin välein. Voit ajaa ne myös heti; jo lähetettyjä muistutuksia ei lähetetä uudelleen.",
      formLabel: "Aja muistutukset nyt",
      button: "Aja muistutukset nyt",
      done: "Uusia muistutuksia {count}. Lähetetty {sent}, epäonnistui {failed}.",
    },
    log: {
      title: "Muistutusloki",
      caption: "Muistutukset, uusimmat ensin",
      empty: "Muistutuksia ei ole vielä lähetetty.",
      limited: "Näytetään {count} uusinta muistutusta.",
      kind: "Laji",
      recipient: "Vastaanottaja",
      target: "Kohde",
      sentAt: "Lähetetty",
      status: "Tila",
      daysBefore:
        "{count, plural, =0 {määräpäivänä} one {# päivä ennen määräpäivää} other {# päivää ennen määräpäivää}}",
      round: "{count}. muistutus",
    },
    mail: {
      greeting: "Hei {name},",
      signature: "Ystävällisin terveisin\n{organiser}",
      automatic:
        "Tämä on automaattinen muistutus rekisterinkäyttöoikeusportaalista. Älä vastaa tähän viestiin.",
      oidMissingSubject: "Muistutus: palveluyksiköiden OID-tunnukset {date} mennessä ({organiser})",
      oidMissingBody:
        "{organiser} kerää palveluntuottajien palveluyksiköiden OID-tunnukset {date} mennessä. {count, plural, =0 {Palveluyksiköitänne ei ole vielä ilmoitettu.} one {Yhdeltä palveluyksiköltänne puuttuu vielä OID-tunnus, tai se on palautettu korjattavaksi.} other {# palveluyksiköltänne puuttuu vielä OID-tunnus, tai se on palautettu korjattavaksi.}}",
      oidMissingUnits: "Palveluyksiköt:",
      oidMissingLink: "Kirjaudu portaaliin ja ilmoita tunnukset: {url}",
      windowSubject: "Muistutus: sulje rekisterinkäyttöoikeus ({organiser})",
      windowBody:
        "Asian palvelu on päättynyt, mutta palveluntuottajan rekisterinkäyttöoikeus on yhä auki eikä sulkeudu itsestään. Tarkista asia ja sulje käyttöoikeus tai aseta sille päättymispäivä.",
      caseOid: "Asian OID",
      windowLink: "Avaa asia: {url}",
      deleteSubject: "Muistutus: asiakastietojen poistaminen {deadline} mennessä ({organiser})",
      deleteBody:
        "Rekisterinkäyttöoikeus alla lueteltuihin asioihin on päättynyt. Teidän on poistettava näiden asiakkaiden tiedot omasta asiakastietojärjestelmästänne {deadline} mennessä (6 kuukautta käyttöoikeuden päättymisestä).",
      deleteToday: "Määräpäivä on tänään.",
      caseOids: "Asioiden OID-tunnukset:",
    },
  },
  sv: {
    title: "Påminnelser",
    intro:
      "Portalen påminner per e-post om OID-koder som saknas, om registeranvändningsrätter som fortfarande är öppna efter att tjänsten upphört och om att radera klientuppgifter. Varje påminnelse loggas och samma påminnelse skickas aldrig två gånger.",
    kinds: {
      oid_missing: "OID-koder saknas",
      window_should_close: "Rätten är fortfarande öppen",
      delete_client_data: "Radering av klientuppgifter",
    },
    statuses: { queued: "I kö", sent: "Skickad", failed: "Misslyckades" },
    schedule: {
      title: "Tidsschema",
      formLabel: "Påminnelsernas tidsschema",
      oidMissingEnabled: "Påminn om OID-koder som saknas",
      oidMissingDays: "Dagar före OID-insamlingen stänger",
      oidMissingDaysHelp: "Till exempel 14, 3",
      windowShouldCloseEnabled: "Påminn om rätter som är öppna efter att tjänsten upphört",
      windowRepeatDays: "Upprepa påminnelsen med dagars mellanrum",
      deleteClientDataEnabled: "Påminn om radering av klientuppgifter",
      deleteDaysBefore: "Dagar före sista dag för radering",
      deleteDaysBeforeHelp: "En påminnelse skickas också på sista dagen.",
      save: "Spara tidsschemat",
      saved: "Tidsschemat har sparats.",
      unchanged: "Tidsschemat ändrades inte.",
      defaultsInUse: "Standardschemat används.",
      lastSaved: "Tidsschemat ändrades senast {date} ({name}).",
    },
    errors: {
      oidMissingDays:
        "{field}: ange ett till fem heltal mellan 0 och 60 åtskilda med kommatecken, till exempel 14, 3.",
      windowRepeatDays: "{field}: ange ett heltal mellan 1 och 90.",
      deleteDaysBefore: "{field}: ange ett heltal mellan 1 och 180.",
      enabled: "{field}: välj eller lämna tomt.",
    },
    run: {
      title: "Kör nu",
      intro:
        "Påminnelserna beräknas och skickas automatiskt var 15:e minut. Du kan också köra dem genast; påminnelser som redan skickats skickas inte igen.",
      formLabel: "Kör påminnelserna nu",
      button: "Kör påminnelserna nu",
      done: "Nya påminnelser {count}. Skickade {sent}, misslyckade {failed}.",
    },
    log: {
      title: "Påminnelselogg",
      caption: "Påminnelser, de nyaste först",
      empty: "Inga påminnelser har skickats ännu.",
      limited: "De {count} senaste påminnelserna visas.",
      kind: "Typ",
      recipient: "Mottagare",
      target: "Mål",
      sentAt: "Skickad",
      status: "Status",
      daysBefore:
        "{count, plural, =0 {på sista dagen} one {# dag före sista dagen} other {# dagar före sista dagen}}",
      round: "Påminnelse {count}",
    },
    mail: {
      greeting: "Hej {name},",
      signature: "Med vänliga hälsningar\n{organiser}",
      automatic:
        "Detta är en automatisk påminnelse från portalen för registeranvändningsrätt. Svara inte på detta meddelande.",
      oidMissingSubject: "Påminnelse: serviceenheternas OID-koder senast {date} ({organiser})",
      oidMissingBody:
        "{organiser} samlar in tjänsteproducenternas OID-koder för serviceenheter senast {date}. {count, plural, =0 {Ni har ännu inte anmält några serviceenheter.} one {En av era serviceenheter saknar ännu OID-kod, eller koden har returnerats för korrigering.} other {# av era serviceenheter saknar ännu OID-kod, eller koden har returnerats för korrigering.}}",
      oidMissingUnits: "Serviceenheter:",
      oidMissingLink: "Logga in i portalen och anmäl koderna: {url}",
      windowSubject: "Påminnelse: stäng registeranvändningsrätten ({organiser})",
      windowBody:
        "Tjänsten i ärendet har upphört, men tjänsteproducentens registeranvändningsrätt är fortfarande öppen och stängs inte av sig själv. Kontrollera ärendet och stäng rätten eller ange ett slutdatum.",
      caseOid: "Ärendets OID",
      windowLink: "Öppna ärendet: {url}",
      deleteSubject: "Påminnelse: radera klientuppgifter senast {deadline} ({organiser})",
      deleteBody:
        "Registeranvändningsrätten till ärendena nedan har upphört. Ni ska radera dessa klienters uppgifter ur ert eget klientdatasystem senast {deadline} (6 månader efter att rätten upphörde).",
      deleteToday: "Sista dagen är i dag.",
      caseOids: "Ärendenas OID-koder:",
    },
  },
  en: {
    title: "Reminders",
    intro:
      "The portal sends e-mail reminders about missing OIDs, about access windows still open after the service has ended, and about deleting client data. Every reminder is logged and the same reminder is never sent twice.",
    kinds: {
      oid_missing: "Missing OIDs",
      window_should_close: "Access still open",
      delete_client_data: "Deleting client data",
    },
    statuses: { queued: "Queued", sent: "Sent", failed: "Failed" },
    schedule: {
      title: "Schedule",
      formLabel: "Reminder schedule",
      oidMissingEnabled: "Remind about missing OIDs",
      oidMissingDays: "Days before the OID campaign closes",
      oidMissingDaysHelp: "For example 14, 3",
      windowShouldCloseEnabled: "Remind about access still open after the service has ended",
      windowRepeatDays: "Repeat the reminder every (days)",
      deleteClientDataEnabled: "Remind about deleting client data",
      deleteDaysBefore: "Days before the deletion deadline",
      deleteDaysBeforeHelp: "A reminder is also sent on the deadline.",
      save: "Save schedule",
      saved: "The schedule has been saved.",
      unchanged: "The schedule did not change.",
      defaultsInUse: "The default schedule is in use.",
      lastSaved: "Schedule last changed {date} ({name}).",
    },
    errors: {
      oidMissingDays:
        "{field}: enter one to five whole numbers from 0 to 60 separated by commas, for example 14, 3.",
      windowRepeatDays: "{field}: enter a whole number from 1 to 90.",
      deleteDaysBefore: "{field}: enter a whole number from 1 to 180.",
      enabled: "{field}: tick or leave unticked.",
    },
    run: {
      title: "Run now",
      intro:
        "Reminders are worked out and sent automatically every 15 minutes. You can also run them now; reminders already sent are not sent again.",
      formLabel: "Run reminders now",
      button: "Run reminders now",
      done: "New reminders {count}. Sent {sent}, failed {failed}.",
    },
    log: {
      title: "Reminder log",
      caption: "Reminders, newest first",
      empty: "No reminders have been sent yet.",
      limited: "Showing the {count} newest reminders.",
      kind: "Kind",
      recipient: "Recipient",
      target: "Target",
      sentAt: "Sent",
      status: "Status",
      daysBefore:
        "{count, plural, =0 {on the deadline} one {# day before the deadline} other {# days before the deadline}}",
      round: "Reminder {count}",
    },
    mail: {
      greeting: "Hello {name},",
      signature: "Kind regards\n{organiser}",
      automatic:
        "This is an automatic reminder from the register access portal. Please do not reply to this message.",
      oidMissingSubject: "Reminder: service unit OIDs by {date} ({organiser})",
      oidMissingBody:
        "{organiser} collects providers' service unit OIDs by {date}. {count, plural, =0 {You have not submitted any service units yet.} one {One of your service units still has no OID, or its OID was returned for correction.} other {# of your service units still have no OID, or their OIDs were returned for correction.}}",
      oidMissingUnits: "Service units:",
      oidMissingLink: "Sign in to the portal and submit the OIDs: {url}",
      windowSubject: "Reminder: close register access ({organiser})",
      windowBody:
        "The service of this case has ended, but the provider's register access is still open and will not close by itself. Check the case and close the access or set its closing date.",
      caseOid: "Case OID",
      windowLink: "Open the case: {url}",
      deleteSubject: "Reminder: delete client data by {deadline} ({organiser})",
      deleteBody:
        "Register access to the cases below has ended. You must delete these clients' data from your own client information system by {deadline} (6 months after access ended).",
      deleteToday: "The deadline is today.",
      caseOids: "Case OIDs:",
    },
  },
};

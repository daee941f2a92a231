import { createHash } from "node:crypto";
import { count } from "drizzle-orm";
import type { Executor } from "../index";
import {
  accessWindows,
  cases,
  clients,
  clientInformationSystems,
  organiserProviderServices,
  providerResources,
  serviceImplementations,
  contactPeople,
  organiserProviders,
  organiserSystems,
  organisers,
  providers,
  serviceUnits,
  users,
  type DeploymentTestStatus,
  type ServiceTask,
} from "../schema";
import { businessIdCheckDigit, organisationOidRoot } from "../../lib/providers/businessId";
import { hetuCheckCharacter } from "../../lib/clients/hetu";
import { clientKeys, sealClient } from "../../lib/clients/store";
import { addDays, helsinkiToday } from "../../lib/windows/dates";
import { stateOn } from "../../lib/windows/rules";

/** Deterministic ids, so demo links and tests are stable across resets. */
export function seedId(name: string): string {
  const h = createHash("sha1").update(`demo:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Small deterministic PRNG (mulberry32): the same demo data on every machine. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_USERS = {
  caseworker: "demo-caseworker",
  projectStaff: "demo-project-staff",
  admin: "demo-admin",
  providerContact: "demo-provider-contact",
  providerContact2: "demo-provider-contact-2",
  otherCaseworker: "demo-caseworker-rannikko",
} as const;

const ORG_MAIN = seedId("org:jarvipohja");
const ORG_SMALL = seedId("org:rannikko");

const SYSTEMS: {
  name: string;
  vendor: string;
  status: DeploymentTestStatus;
  date?: string;
  needsCaseNumbers: boolean;
}[] = [
  {
    name: "DomaCare",
    vendor: "Visma",
    status: "passed",
    date: "2026-04-22",
    needsCaseNumbers: true,
  },
  {
    name: "Myneva Nappula",
    vendor: "Myneva",
    status: "passed",
    date: "2026-05-06",
    needsCaseNumbers: false,
  },
  {
    name: "Myneva Hilkka",
    vendor: "Myneva",
    status: "scheduled",
    date: "2026-06-03",
    needsCaseNumbers: false,
  },
  {
    name: "Sofia",
    vendor: "Sofia Solutions",
    status: "passed",
    date: "2026-05-20",
    needsCaseNumbers: true,
  },
  {
    name: "Nursebuddy",
    vendor: "Nursebuddy",
    status: "retest_needed",
    date: "2026-05-12",
    needsCaseNumbers: false,
  },
  { name: "Omni360", vendor: "CGI", status: "not_contacted", needsCaseNumbers: false },
  {
    name: "Saga",
    vendor: "Saga Care",
    status: "scheduled",
    date: "2026-06-10",
    needsCaseNumbers: true,
  },
  {
    name: "Lifecare",
    vendor: "Tietoevry",
    status: "passed",
    date: "2026-03-30",
    needsCaseNumbers: false,
  },
  { name: "Ajas", vendor: "Ajas", status: "not_contacted", needsCaseNumbers: false },
  {
    name: "Walmu",
    vendor: "Walmu",
    status: "scheduled",
    date: "2026-06-12",
    needsCaseNumbers: false,
  },
];

const NAME_PARTS = [
  "Kotikallio",
  "Hoivakoti Kuusela",
  "Palvelutalo Ilta-aurinko",
  "Tukikoti Majakka",
  "Koivupuiston hoiva",
  "Perhekoti Pihlaja",
  "Asumispalvelu Kaari",
  "Vanhustenkoti Lehmus",
  "Kotihoito Apuna",
  "Hoivapalvelu Sinisiipi",
  "Tehostettu asuminen Kataja",
  "Lastenkoti Tuulentupa",
  "Ryhmäkoti Saarni",
  "Senioritalo Satama",
  "Hoivakodit Lumme",
  "Palvelukoti Vaahtera",
  "Kuntoutuskoti Virta",
  "Asumisyksikkö Haapa",
  "Kotipalvelu Kaste",
  "Hoiva-Helmi",
  "Perhetukikeskus Verso",
  "Nuorisokoti Polku",
  "Palvelutalo Aallokko",
  "Kotihoiva Leppä",
  "Tukiasunnot Kivijalka",
  "Hoivakoti Metsätähti",
  "Avustajapalvelu Siivet",
  "Ateriapalvelu Pata",
  "Turvapalvelu Vahti",
  "Henkilökohtainen apu Tuki",
];
const MUNICIPALITIES = [
  "Jyväskylä",
  "Tampere",
  "Kuopio",
  "Lahti",
  "Hämeenlinna",
  "Mikkeli",
  "Jämsä",
  "Äänekoski",
];
const FIRST = [
  "Anna",
  "Mikko",
  "Liisa",
  "Juha",
  "Sari",
  "Timo",
  "Kaisa",
  "Jari",
  "Päivi",
  "Ville",
  "Elina",
  "Antti",
];
const LAST = [
  "Virtanen",
  "Korhonen",
  "Mäkinen",
  "Nieminen",
  "Heikkinen",
  "Järvinen",
  "Lehtonen",
  "Saarinen",
  "Lindqvist",
  "Holmström",
];
const UNIT_KINDS = [
  "yhteisöllinen asuminen",
  "ympärivuorokautinen palveluasuminen",
  "kotihoito",
  "perhehoito",
  "laitoshoito",
];

/** The demo's service-unit OIDs as THL's register lists them (same rule as the seed below). */
export function demoUnitOids(): { oid: string; businessId: string; name: string }[] {
  const out: { oid: string; businessId: string; name: string }[] = [];
  for (let i = 0; i < NAME_PARTS.length; i++) {
    if (i % 5 === 4) continue;
    const businessId = businessIdFor(i);
    for (let u = 1; u <= 1 + (i % 3); u++)
      out.push({
        oid: `${organisationOidRoot(businessId)}.10.${100000 + u * 11 + i}`,
        businessId,
        name: `${NAME_PARTS[i]} ${u}`,
      });
  }
  return out;
}

export function businessIdFor(i: number): string {
  // Walk from a base number until a seven-digit body has a valid check digit.
  for (let n = 2800000 + i * 7919; ; n++) {
    const body = String(n).padStart(7, "0");
    const c = businessIdCheckDigit(body);
    if (c !== null) return `${body}-${c}`;
  }
}

function slug(s: string) {
  return s
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Seeds one welfare area with ~30 providers plus a second small one. Does nothing if data exists. */
export async function seedDemo(db: Executor): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(organisers);
  if ((existing?.n ?? 0) > 0) return false;
  const rand = rng(20260501);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  await db.transaction(async (tx) => {
    await tx.insert(organisers).values([
      {
        id: ORG_MAIN,
        code: "jarvipohja",
        nameFi: "Järvi-Pohjan hyvinvointialue",
        nameSv: "Järvi-Pohja välfärdsområde",
        nameEn: "Järvi-Pohja Wellbeing Services County",
      },
      {
        id: ORG_SMALL,
        code: "rannikko",
        nameFi: "Rannikon hyvinvointialue",
        nameSv: "Kustens välfärdsområde",
        nameEn: "Rannikko Wellbeing Services County",
      },
    ]);

    const systemIds = SYSTEMS.map((s) => seedId(`cis:${s.name}`));
    await tx
      .insert(clientInformationSystems)
      .values(SYSTEMS.map((s, i) => ({ id: systemIds[i]!, name: s.name, vendor: s.vendor })));
    await tx.insert(organiserSystems).values([
      ...SYSTEMS.map((s, i) => ({
        organiserId: ORG_MAIN,
        cisId: systemIds[i]!,
        testStatus: s.status,
        testDate: s.date ?? null,
        needsCaseNumbers: s.needsCaseNumbers,
      })),
      // The second organiser has tested only two systems so far.
      {
        organiserId: ORG_SMALL,
        cisId: systemIds[0]!,
        testStatus: "passed" as const,
        testDate: "2026-05-28",
        needsCaseNumbers: true,
      },
      {
        organiserId: ORG_SMALL,
        cisId: systemIds[1]!,
        testStatus: "scheduled" as const,
        testDate: "2026-06-09",
        needsCaseNumbers: false,
      },
    ]);

    const unitIds: { id: string; providerIndex: number }[] = [];
    for (let i = 0; i < NAME_PARTS.length; i++) {
      const name = `${NAME_PARTS[i]} Oy`;
      const providerId = seedId(`provider:${i}`);
      const businessId = businessIdFor(i);
      const domain = `${slug(NAME_PARTS[i]!)}.example`;
      await tx.insert(providers).values({ id: providerId, name, businessId });
      await tx.insert(organiserProviders).values({
        organiserId: ORG_MAIN,
        providerId,
        relationship: i % 6 === 5 ? "invited" : "contract",
        purchasedService: true,
        serviceVoucher: i % 4 === 0,
        reviewState: i % 7 === 3 ? "needs_attention" : i % 3 === 0 ? "reviewed" : "not_reviewed",
        notes: i % 5 === 2 ? "Sopimus uusittu 1.1.2026." : null,
      });
      if (i < 5) {
        await tx
          .insert(organiserProviders)
          .values({ organiserId: ORG_SMALL, providerId, relationship: "contract" });
      }
      // What each provider produces: most a service that needs a CIS; some only home care or
      // only support services, so every eligibility rule shows in the demo.
      const services = providerServicesFor(i);
      await tx
        .insert(organiserProviderServices)
        .values(services.map((service) => ({ organiserId: ORG_MAIN, providerId, service })));
      if (i < 5)
        await tx
          .insert(organiserProviderServices)
          .values(services.map((service) => ({ organiserId: ORG_SMALL, providerId, service })));
      const unitCount = 1 + (i % 3);
      const cis = i % 9 === 8 ? null : systemIds[i % systemIds.length]!;
      for (let u = 1; u <= unitCount; u++) {
        const id = seedId(`unit:${i}:${u}`);
        // About one provider in five has not yet submitted its OIDs.
        const hasOid = i % 5 !== 4;
        const municipality = pick(MUNICIPALITIES);
        await tx.insert(serviceUnits).values({
          id,
          providerId,
          name: `${NAME_PARTS[i]}, ${municipality} (${UNIT_KINDS[(i + u) % UNIT_KINDS.length]})`,
          oid: hasOid ? `${organisationOidRoot(businessId)}.10.${100000 + u * 11 + i}` : null,
          municipality,
          cisId: cis,
          kantaInUse: cis !== null && i % 3 !== 1,
          kantaSince: cis !== null && i % 3 !== 1 ? `2026-0${1 + (i % 5)}-01` : null,
          oidStatus: !hasOid ? "missing" : i % 3 === 0 ? "verified" : "submitted",
          oidSubmittedAt: hasOid ? new Date("2026-05-12T09:00:00Z") : null,
        });
        unitIds.push({ id, providerIndex: i });
      }
      const contacts = 1 + (i % 2);
      for (let c = 0; c < contacts; c++) {
        const first = FIRST[(i + c * 5) % FIRST.length]!;
        const last = LAST[(i * 3 + c) % LAST.length]!;
        await tx.insert(contactPeople).values({
          id: seedId(`contact:${i}:${c}`),
          providerId,
          name: `${first} ${last}`,
          email: `${slug(first)}.${slug(last)}@${domain}`,
          phone: `+358 40 ${String(1000000 + i * 37 + c).slice(0, 3)} ${String(1000 + i * 13 + c).slice(0, 4)}`,
          language: i % 10 === 7 ? "sv" : "fi",
          title: c === 0 ? "Toiminnanjohtaja" : "Palveluesihenkilö",
          receivesCaseOids: c === 0,
        });
      }
    }

    await tx.insert(users).values([
      {
        id: DEMO_USERS.caseworker,
        name: "Aino Aaltonen",
        email: "aino.aaltonen@jarvipohja.example",
        role: "caseworker",
        organiserId: ORG_MAIN,
        isDemo: true,
      },
      {
        id: DEMO_USERS.projectStaff,
        name: "Pekka Projektinen",
        email: "pekka.projektinen@jarvipohja.example",
        role: "project_staff",
        organiserId: ORG_MAIN,
        isDemo: true,
      },
      {
        id: DEMO_USERS.admin,
        name: "Helena Hallinto",
        email: "helena.hallinto@jarvipohja.example",
        role: "admin",
        organiserId: ORG_MAIN,
        isDemo: true,
      },
      {
        id: DEMO_USERS.otherCaseworker,
        name: "Rasmus Rannikko",
        email: "rasmus.rannikko@rannikko.example",
        role: "caseworker",
        organiserId: ORG_SMALL,
        isDemo: true,
      },
      // The first contact of providers 0 and 1 can sign in (magic link or demo button).
      {
        id: DEMO_USERS.providerContact,
        name: "Anna Virtanen",
        email: "anna.virtanen@kotikallio.example",
        role: "provider_contact",
        providerId: seedId("provider:0"),
        isDemo: true,
        locale: "fi",
      },
      {
        id: DEMO_USERS.providerContact2,
        name: "Mikko Nieminen",
        email: "mikko.nieminen@hoivakoti-kuusela.example",
        role: "provider_contact",
        providerId: seedId("provider:1"),
        isDemo: true,
        locale: "fi",
      },
    ]);

    const tasks: ServiceTask[] = [
      "older_people",
      "disability",
      "working_age",
      "families_with_children",
      "child_welfare",
    ];
    const caseRows = [
      ...Array.from({ length: 8 }, (_, n) => ({ n, org: ORG_MAIN, worker: DEMO_USERS.caseworker })),
      ...Array.from({ length: 2 }, (_, n) => ({
        n: 100 + n,
        org: ORG_SMALL,
        worker: DEMO_USERS.otherCaseworker,
      })),
    ];
    const keys = clientKeys();
    const today = helsinkiToday();
    for (const c of caseRows) {
      const caseId = seedId(`case:${c.n}`);
      const clientId = seedId(`client:${c.n}`);
      await tx.insert(clients).values({
        id: clientId,
        organiserId: c.org,
        ...sealClient(keys, c.org, { name: demoClientName(c.n), hetu: demoHetu(c.n) }),
      });
      await tx.insert(cases).values({
        id: caseId,
        organiserId: c.org,
        caseOid: `1.2.246.10.${c.org === ORG_MAIN ? "2840015" : "2840023"}.15.2026.${1000 + c.n}`,
        serviceTask: tasks[c.n % tasks.length]!,
        clientId,
        responsibleUserId: c.worker,
      });
      // Demo windows only on units that are eligible (OID, tested system, a service needing a CIS).
      const providerIndex =
        c.org === ORG_MAIN ? ELIGIBLE_DEMO_PROVIDERS[c.n % ELIGIBLE_DEMO_PROVIDERS.length]! : 0;
      const unit = unitIds.find((u) => u.providerIndex === providerIndex)!;
      const service = providerServicesFor(unit.providerIndex)[0]!;
      // Existing clients (in service before go-live) and new ones, some ended.
      const kinds = ["existing", "new", "ended", "existing"] as const;
      const kind = kinds[c.n % kinds.length]!;
      const startsOn = kind === "new" ? addDays(today, 14 + c.n) : `2025-0${1 + (c.n % 9)}-01`;
      const endsOn = kind === "ended" ? "2026-09-30" : null;
      const opensOn = kind === "new" ? addDays(startsOn, -7) : "2026-06-15";
      const closesOn = endsOn ? addDays(endsOn, 14) : null;
      const implId = seedId(`implementation:${c.n}`);
      await tx.insert(serviceImplementations).values({
        id: implId,
        organiserId: c.org,
        caseId,
        service,
        startsOn,
        endsOn,
      });
      const resourceId = seedId(`resource:${c.n}`);
      await tx.insert(providerResources).values({
        id: resourceId,
        organiserId: c.org,
        implementationId: implId,
        serviceUnitId: unit.id,
        startsOn,
        endsOn,
      });
      await tx.insert(accessWindows).values({
        id: seedId(`window:${c.n}`),
        organiserId: c.org,
        caseId,
        serviceTask: tasks[c.n % tasks.length]!,
        serviceUnitId: unit.id,
        implementationId: implId,
        resourceId,
        opensOn,
        closesOn,
        state: stateOn({ opensOn, closesOn, invalidated: false }, today),
        source: kind === "new" ? "proposed" : "golive",
        existingClient: kind !== "new",
        createdBy: c.worker,
      });
    }
    await seedDemoDeliveries(tx);
  });
  return true;
}

/** Providers whose units are eligible in the demo (tests check this against the policy). */
const ELIGIBLE_DEMO_PROVIDERS = [0, 1, 3, 10, 11, 13, 20, 21];

const ANCHORS = [
  "communal_housing",
  "round_the_clock_housing",
  "family_care",
  "institutional_care",
  "personal_assistance",
] as const;

/** The social services provider i produces (demo data). */
export function providerServicesFor(i: number): string[] {
  if (i % 10 === 7) return ["support_services", "meal_service"];
  if (i % 10 === 2) return ["home_care"];
  if (i % 3 === 0) return [ANCHORS[i % ANCHORS.length]!, "home_care", "meal_service"];
  return [ANCHORS[i % ANCHORS.length]!];
}

/** Demo clients: invented names, identity codes only in the temporary range 900–999. */
export const CLIENT_FIRST = ["Aino", "Eero", "Helmi", "Onni", "Kerttu", "Väinö", "Lyydia", "Toivo"];
export const CLIENT_LAST = ["Mäkelä", "Heikkilä", "Koskinen", "Järvinen", "Lehtinen", "Salminen"];

export function demoClientName(n: number): string {
  return `${CLIENT_FIRST[n % CLIENT_FIRST.length]} ${CLIENT_LAST[(n * 5) % CLIENT_LAST.length]}`;
}

export function demoHetu(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, "0");
  const month = String(1 + (n % 12)).padStart(2, "0");
  const yy = String(30 + (n % 60)).padStart(2, "0");
  const individual = String(900 + (n % 100)).padStart(3, "0");
  return `${day}${month}${yy}-${individual}${hetuCheckCharacter(`${day}${month}${yy}${individual}`)}`;
}

export const DEMO_ORGANISERS = { main: ORG_MAIN, small: ORG_SMALL };

/**
 * One delivered case-OID message in the demo: case 0's OID to Anna Virtanen (provider 0) for
 * pickup in the portal, already sent. The composer is loaded here, lazily, so that tests that
 * only need seedId() or DEMO_USERS do not load the mail code. No getConfig(): the seed also
 * runs in tests without a full configuration.
 */
export async function seedDemoDeliveries(tx: Executor): Promise<void> {
  const { and, eq, sql } = await import("drizzle-orm");
  const { outboxMessages } = await import("../schema");
  const { composeCaseMessage } = await import("../../lib/delivery/compose");
  const { sealPickup } = await import("../../lib/delivery/operations");
  const providerId = seedId("provider:0");
  const [contact] = await tx
    .select()
    .from(contactPeople)
    .where(
      and(
        eq(contactPeople.providerId, providerId),
        eq(sql`lower(${contactPeople.email})`, "anna.virtanen@kotikallio.example"),
      ),
    );
  if (!contact) throw new Error("demo seed: no contact anna.virtanen@kotikallio.example");
  // Anna receives case OIDs and has no key on file, so her messages are picked up in the portal.
  await tx
    .update(contactPeople)
    .set({
      receivesCaseOids: true,
      encryptionKeyKind: null,
      encryptionKey: null,
      encryptionKeyFingerprint: null,
      encryptionKeyExpires: null,
    })
    .where(eq(contactPeople.id, contact.id));
  const [row] = await tx
    .select({
      window: accessWindows,
      caseOid: cases.caseOid,
      serviceTask: cases.serviceTask,
      service: serviceImplementations.service,
      unitName: serviceUnits.name,
      unitProviderId: serviceUnits.providerId,
    })
    .from(accessWindows)
    .innerJoin(cases, eq(cases.id, accessWindows.caseId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, accessWindows.serviceUnitId))
    .leftJoin(serviceImplementations, eq(serviceImplementations.id, accessWindows.implementationId))
    .where(eq(accessWindows.id, seedId("window:0")));
  if (!row || row.unitProviderId !== providerId)
    throw new Error("demo seed: window 0 is not on provider 0's unit");
  const [organiser] = await tx.select().from(organisers).where(eq(organisers.id, ORG_MAIN));
  const now = new Date();
  const composed = await composeCaseMessage(
    {
      contactId: contact.id,
      name: contact.name,
      email: contact.email,
      language: contact.language,
      keyKind: null,
      key: null,
      keyExpires: null,
    },
    {
      caseOid: row.caseOid,
      clientName: demoClientName(0),
      hetu: demoHetu(0),
      serviceTask: row.serviceTask,
      service: row.service ?? "",
      unitName: row.unitName,
      opensOn: row.window.opensOn,
      closesOn: row.window.closesOn,
    },
    {
      organiser: organiser!,
      identifier: "birth_date",
      from:
        process.env.MAIL_FROM ?? "Rekisterinkäyttöoikeusportaali <noreply@hyvinvointialue.example>",
      appUrl: process.env.APP_URL ?? "http://localhost:3000",
    },
    now,
  );
  await tx.insert(outboxMessages).values({
    id: seedId("outbox:pickup:0"),
    organiserId: ORG_MAIN,
    kind: "case_oid",
    caseId: row.window.caseId,
    windowId: row.window.id,
    providerId,
    contactId: contact.id,
    recipient: contact.email,
    method: composed.method,
    status: "sent",
    attempts: 1,
    nextAttemptAt: now,
    messageId: composed.messageId,
    requestKey: `demo:outbox:pickup:0:${contact.id}`,
    subject: composed.subject,
    raw: composed.raw.toString("latin1"),
    pickupEnc: composed.pickup ? sealPickup(ORG_MAIN, composed.pickup) : null,
    smtpResponse: "250 2.0.0 Ok: queued (demo)",
    sentAt: now,
    createdBy: DEMO_USERS.caseworker,
    createdAt: now,
    updatedAt: now,
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { z } from "zod";
import { contactUpdateSchema } from "@/lib/providers/schemas";
import { saveContactAsStaff } from "@/lib/providers/operations";
import {
  newProviderSchema,
  newSystemSchema,
  providerViewSchema,
  systemStatusSchema,
  unitSchema,
} from "./schemas";
import { saveUnitAsStaff } from "./operations";
import { addProvider, addSystem, saveSystemStatus, updateProviderView } from "./staff-operations";

export const updateProviderViewAction = validatedAction(
  "registry.updateProviderView",
  providerViewSchema,
  async (input, actor, raw) => {
    // Services come as one checkbox per catalogue code ("service:<code>").
    const services = Object.keys(raw)
      .filter((k) => k.startsWith("service:"))
      .map((k) => k.slice("service:".length));
    const r = await updateProviderView(getDb(), actor, { ...input, services });
    if (!r.ok) return { status: "error", message: r.message, values: raw };
    revalidatePath(`/providers/${input.providerId}`);
    return { status: "success", message: "registry.providerSaved", at: Date.now() };
  },
);

export const addProviderAction = validatedAction(
  "registry.addProvider",
  newProviderSchema,
  async (input, actor, raw) => {
    const r = await addProvider(getDb(), actor, input);
    if (!r.ok)
      return { status: "error", message: r.message, fieldErrors: r.fieldErrors, values: raw };
    revalidatePath("/providers");
    return {
      status: "success",
      message: r.existed ? "registry.providerShared" : "registry.providerAdded",
      params: { name: input.name },
      at: Date.now(),
    };
  },
);

export const saveSystemStatusAction = validatedAction(
  "registry.saveSystemStatus",
  systemStatusSchema,
  async (input, actor, raw) => {
    const r = await saveSystemStatus(getDb(), actor, input);
    if (!r.ok) return { status: "error", message: r.message, values: raw };
    revalidatePath("/providers/systems");
    return { status: "success", message: "registry.systemSaved", at: Date.now() };
  },
);

export const addSystemAction = validatedAction(
  "registry.addSystem",
  newSystemSchema,
  async (input, actor, raw) => {
    const r = await addSystem(getDb(), actor, input);
    if (!r.ok)
      return { status: "error", message: r.message, fieldErrors: r.fieldErrors, values: raw };
    revalidatePath("/providers/systems");
    return { status: "success", message: "registry.systemAdded", at: Date.now() };
  },
);

const withProvider = { providerId: z.uuid({ error: "notFound" }) };

/** Staff add or edit a unit of a provider their organiser works with (same rules as the provider). */
export const saveUnitAsStaffAction = validatedAction(
  "registry.saveUnit",
  unitSchema.and(z.object(withProvider)),
  async (input, actor, raw) => {
    const r = await saveUnitAsStaff(getDb(), actor, input.providerId, input);
    if (!r.ok)
      return {
        status: "error",
        message: r.message,
        fieldErrors: r.fieldErrors,
        fieldParams: r.fieldParams,
        values: raw,
      };
    revalidatePath(`/providers/${input.providerId}`);
    return { status: "success", message: "registry.unitSaved", at: Date.now() };
  },
);

/** Staff add or edit a contact person of a provider their organiser works with. */
export const saveContactAsStaffAction = validatedAction(
  "registry.saveContact",
  contactUpdateSchema.extend(withProvider),
  async (input, actor, raw) => {
    const r = await saveContactAsStaff(getDb(), actor, input.providerId, input);
    if (r.status === "denied") return { status: "error", message: "validation.notFound" };
    if (r.status === "invalid")
      return {
        status: "error",
        message: "validation.invalid",
        fieldErrors: r.fieldErrors,
        fieldParams: r.fieldParams,
        values: raw,
      };
    revalidatePath(`/providers/${input.providerId}`);
    return { status: "success", message: "providerSide.contactSaved", at: Date.now() };
  },
);

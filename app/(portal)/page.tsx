import { redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/actor";
import { homeFor } from "@/lib/auth/access";

export default async function Home() {
  const actor = await requirePage("/");
  redirect(homeFor(actor.role));
}

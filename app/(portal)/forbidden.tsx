import { StatusPage } from "@/components/StatusPage";

// requirePage's forbidden(): inside the portal's layout, with the signed-in user's navigation.
export default function Forbidden() {
  return <StatusPage kind="forbidden" />;
}

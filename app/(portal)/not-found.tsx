import { StatusPage } from "@/components/StatusPage";

// Inside the portal's layout, so the page keeps its header, navigation and footer.
export default function NotFound() {
  return <StatusPage kind="notFound" />;
}

import { StatusPage } from "@/components/StatusPage";

export default function NotFound() {
  return <StatusPage kind="notFound" />;
}

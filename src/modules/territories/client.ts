// Client-safe entry of the territories module: only what may run in the browser (no database, no server-only code).
// Other modules' UI imports these from "@/modules/territories/client".
export { WorkspaceNav } from "./ui/workspace-nav";

import { getRuntime } from "@/platform/runtime";

// better-auth's HTTP endpoints (used by the forms through server actions, and by API clients).
async function handle(request: Request): Promise<Response> {
  const { auth } = await getRuntime();
  return auth.handler(request);
}

export { handle as GET, handle as POST };

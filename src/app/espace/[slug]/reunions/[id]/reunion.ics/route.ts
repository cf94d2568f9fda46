import { getEnv } from "@/platform/env";
import { territoryRoute } from "@/modules/territories/web";
import { territoryPolicy } from "@/modules/territories";
import { meetingPolicy } from "@/modules/meetings";
import { calendarResponse, meetingsCalendar } from "@/modules/meetings/ics";
import { findMeeting, groupBody } from "@/modules/meetings/queries";

type Context = { params: Promise<{ slug: string; id: string }> };

/** One meeting as an iCalendar download, for the group's members. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug, id } = await params;
  const opened = await territoryRoute(request, slug, territoryPolicy.viewWorkspace, { signInBack: `/espace/${slug}/reunions/${id}` });
  if (opened instanceof Response) return opened;
  const { db, territory, principal } = opened;
  const meeting = await findMeeting(db, territory.id, id);
  const found = meeting?.groupId ? await groupBody(db, territory, meeting.groupId) : undefined;
  if (!meeting || !found) return new Response("Réunion introuvable.", { status: 404 });
  if (!meetingPolicy.view(principal, found.body)) return new Response("Vous n'avez pas accès à cette réunion.", { status: 403 });
  const { baseUrl } = getEnv();
  const ics = meetingsCalendar(meeting.title, [{ ...meeting, groupName: found.group.name, url: `${baseUrl}/espace/${slug}/reunions/${meeting.id}` }], new URL(baseUrl).host);
  return calendarResponse(ics, "reunion.ics");
}

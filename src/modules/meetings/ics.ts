import ical, { ICalEventStatus } from "ical-generator";

/** What a calendar shows of a meeting: nothing about the people, only what every invited member may see. */
export type CalendarMeeting = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string | null;
  agenda: string;
  groupName?: string;
  /** The meeting's page (absolute URL). */
  url: string;
  updatedAt: Date;
  /** A cancelled meeting stays in the calendar, marked cancelled, so that subscribed calendars drop it. */
  cancelledAt: Date | null;
  cancelReason: string;
  /** Raised by each change: calendars replace their copy only for a higher SEQUENCE (RFC 5545 §3.8.7.4). */
  sequence: number;
};

/**
 * An iCalendar document (RFC 5545) of meetings, written by ical-generator (ADR 023). Times are UTC instants
 * (the calendar shows them in its own zone); each event's UID is stable (meeting id), so an update replaces
 * the event in a subscribed calendar instead of duplicating it.
 */
export function meetingsCalendar(name: string, list: readonly CalendarMeeting[], host: string): string {
  const calendar = ical({ name, prodId: { company: "Maillage", product: "Réunions", language: "FR" }, ttl: 3600 });
  for (const m of list) {
    const description = [m.cancelledAt ? `Réunion annulée. Raison : ${m.cancelReason}` : "", m.groupName ? `Groupe : ${m.groupName}` : "", m.agenda ? `Ordre du jour :\n${m.agenda}` : "", m.videoUrl ? `Visioconférence : ${m.videoUrl}` : "", `Page de la réunion : ${m.url}`]
      .filter(Boolean)
      .join("\n\n");
    calendar.createEvent({
      id: `${m.id}@${host}`,
      start: m.startsAt,
      end: m.endsAt,
      stamp: m.updatedAt,
      lastModified: m.updatedAt,
      summary: m.cancelledAt ? `Annulée : ${m.title}` : m.title,
      sequence: m.sequence,
      location: m.place || m.videoUrl || undefined,
      description,
      url: m.url,
      status: m.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** The HTTP answer for a calendar: a download (`filename`) or a subscription feed (no filename). */
export function calendarResponse(body: string, filename?: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "private, no-store",
      ...(filename ? { "content-disposition": `attachment; filename="${filename}"` } : {}),
    },
  });
}

/**
 * Every job of the application, declared before this process's workers start: platform code never
 * imports modules, so the server (instrumentation) imports this list, and each module declares its
 * own jobs and cleanups (defineJob, onCleanup) when loaded.
 */
import "@/platform/pdf";
import "@/modules/places/import-jobs";
import "@/modules/places/uploads";
import "@/modules/meetings/reminders";
import "@/modules/groups/digest";
import "@/modules/signatures/signed-pdf";
import "@/composition/evaluation/snapshot";

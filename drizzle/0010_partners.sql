CREATE TABLE "actor_speaker_requests" (
	"territory_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actor_speaker_requests_territory_id_actor_id_user_id_pk" PRIMARY KEY("territory_id","actor_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "actor_speaker_requests" ADD CONSTRAINT "actor_speaker_requests_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_speaker_requests" ADD CONSTRAINT "actor_speaker_requests_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_speaker_requests" ADD CONSTRAINT "actor_speaker_requests_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_speaker_requests_user_idx" ON "actor_speaker_requests" USING btree ("user_id");
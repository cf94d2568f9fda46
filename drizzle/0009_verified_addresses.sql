-- Sign-in now requires a confirmed address (sign-up no longer reveals who has an account).
-- Accounts created before that were never asked to confirm theirs: they keep signing in as before.
UPDATE "user" SET "email_verified" = true WHERE "email_verified" = false;

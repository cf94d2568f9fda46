import { preparePgliteTemplate, preparePostgresTemplate } from "./template";

export default async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) await preparePostgresTemplate(process.env.DATABASE_URL);
  else process.env.MAILLAGE_TEST_TEMPLATE = await preparePgliteTemplate();
}

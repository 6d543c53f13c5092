// A CMS in its own process, as a second `strapi start` on a server would be (Strapi is one per
// process). The parent passes the settings in CMS_PROCESS_ENV and gets { url } once it listens;
// any message from the parent stops it.
const { startCms } = await import('./harness.ts');

const cms = await startCms({ env: JSON.parse(process.env.CMS_PROCESS_ENV ?? '{}') });
process.send({ url: cms.url });
process.once('message', async () => {
  await cms.stop();
  process.exit(0);
});

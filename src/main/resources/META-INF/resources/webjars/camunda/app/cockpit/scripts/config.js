import { haalVertalingVooraf, stelPaginataalIn } from '../../stuurwiel-taal.js';

await haalVertalingVooraf('cockpit');

export default {
  locales: stelPaginataalIn(),

  // Modules whose default export is a plugin or a list of them; paths from app/cockpit/.
  customScripts: ['../stuurwiel-dashboardlink.js']
};

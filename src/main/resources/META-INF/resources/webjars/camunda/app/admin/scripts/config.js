import { haalVertalingVooraf, stelPaginataalIn } from '../../stuurwiel-taal.js';

await haalVertalingVooraf('admin');

export default {
  locales: stelPaginataalIn()
};

import { stelPaginataalIn } from '../../stuurwiel-taal.js';

export default {
  locales: stelPaginataalIn()
};

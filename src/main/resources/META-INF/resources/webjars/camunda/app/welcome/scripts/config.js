import { haalVertalingVooraf, stelPaginataalIn } from '../../stuurwiel-taal.js';

await haalVertalingVooraf('welcome');

export default {
  locales: stelPaginataalIn(),

  // The welcome page's links; the path is relative so that it holds under any context path.
  links: [
    {
      label: 'Stuurwiel-dashboard',
      href: '../../../../dashboard/',
      description: 'Het portfolio van opdrachten, de doelen en indicatoren, en de halfjaarrapportage'
    },
    {
      label: 'DOCUMENTATION',
      href: 'https://docs.camunda.org/manual/latest/webapps/',
      description: 'DOCUMENTATION_DESCRIPTION'
    }
  ]
};

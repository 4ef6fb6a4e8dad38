import { haalVertalingVooraf, stelPaginataalIn } from '../../stuurwiel-taal.js';
import { formulierenInHetNederlands } from '../../stuurwiel-formulieren.js';

formulierenInHetNederlands();

await haalVertalingVooraf('tasklist');

export default {
  locales: stelPaginataalIn(),

  // Modules whose default export is a plugin or a list of them; paths from app/tasklist/.
  customScripts: ['../stuurwiel-dashboardlink.js'],

  // Camunda's keyboard shortcuts, described in Dutch in Tasklist's help.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'de geselecteerde taak oppakken'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'naar het eerste filter in de lijst'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'naar de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'naar het eerste invoerveld van het formulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'het venster "Proces starten" openen'
    }
  }
};

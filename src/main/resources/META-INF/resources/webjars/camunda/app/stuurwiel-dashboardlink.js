// A link to Stuurwiel's dashboard in the navigation bars of Tasklist (beside "Proces starten") and
// Cockpit (after its own sections), so that staff and managers move between their tasks, the
// process state and the portfolio in one click. Relative, so that it holds under any context path
// (both pages sit at /camunda/app/<webapp>/default/).
const DASHBOARD = '../../../../dashboard/';

function dashboardLink(metPictogram) {
  const link = document.createElement('a');
  link.href = DASHBOARD;
  link.className = 'stuurwiel-dashboard';
  link.title = 'Het portfolio, de doelen en de rapportages in Stuurwiel';
  if (metPictogram) {
    const pictogram = document.createElement('span');
    pictogram.className = 'glyphicon glyphicon-stats';
    pictogram.setAttribute('aria-hidden', 'true');
    link.append(pictogram, ' ');
  }
  link.append('Stuurwiel-dashboard');
  return link;
}

export default [
  {
    id: 'stuurwiel-dashboard',
    pluginPoint: 'tasklist.navbar.action',
    priority: 200,
    render: (knoop) => knoop.append(dashboardLink(true))
  },
  {
    id: 'stuurwiel-dashboard',
    pluginPoint: 'cockpit.navigation',
    // After Cockpit's main sections (Processen, Beslissingen, Mens-taken), before its "Meer" menu.
    priority: 0,
    // Cockpit marks a section active when its URL holds the plugin's id or path; the dashboard
    // never is one of Cockpit's own pages.
    checkActive: () => false,
    render: (knoop) => knoop.append(dashboardLink(false))
  }
];

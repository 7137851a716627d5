import type { CohortRole, RhythmRule } from '@fabrique/domain';

/** Every demo account shares it; README and `npm start` print it. Never seeded in production. */
export const DEMO_PASSWORD = 'fabrique-demo';

export const DEMO_SITE = {
  name: 'Boitron',
  address: "L'Ancienne Boulangerie, 3 place de l'Église, 61500 Boitron",
  timeZone: 'Europe/Paris',
  rooms: [
    { name: 'Salle du fournil', capacity: 24 },
    { name: 'Atelier', capacity: 12 },
  ],
};

/** The "titre professionnel" DWWM, framework of 2023: activity 1 is the front end (C1–C4), activity 2 the back end (C5–C8). */
export const DEMO_TRACK = {
  name: 'Développeur web et web mobile',
  description:
    "Titre professionnel de niveau 5 du ministère du Travail (référentiel 2023) : développer le front-end et le back-end d'applications web et web mobile sécurisées.",
  competencies: [
    {
      code: 'C1',
      title: 'Installer et configurer son environnement de travail en fonction du projet web ou web mobile',
      description: "Choisir, installer et paramétrer l'éditeur, le gestionnaire de versions, les conteneurs et les outils d'exécution adaptés au projet.",
    },
    {
      code: 'C2',
      title: 'Maquetter des interfaces utilisateur web ou web mobile',
      description: "Concevoir le zoning, les wireframes et les maquettes en tenant compte de l'ergonomie, de l'accessibilité et des supports visés.",
    },
    {
      code: 'C3',
      title: 'Réaliser des interfaces utilisateur statiques web ou web mobile',
      description: "Intégrer les maquettes en HTML et CSS, adaptées à toutes les tailles d'écran et conformes aux règles d'accessibilité (RGAA).",
    },
    {
      code: 'C4',
      title: 'Développer la partie dynamique des interfaces utilisateur web ou web mobile',
      description: 'Programmer en JavaScript les interactions, la validation des saisies et les appels aux API, en se protégeant des failles courantes.',
    },
    {
      code: 'C5',
      title: 'Mettre en place une base de données relationnelle',
      description: "Modéliser les données (MCD, MLD), créer la base avec ses contraintes et ses jeux d'essai, dans le respect du RGPD.",
    },
    {
      code: 'C6',
      title: "Développer des composants d'accès aux données SQL et NoSQL",
      description: 'Écrire les requêtes et les composants qui lisent et modifient les données, sans injection possible, et les tester.',
    },
    {
      code: 'C7',
      title: 'Développer des composants métier côté serveur',
      description: 'Coder les règles de gestion et les API côté serveur, avec leurs tests unitaires et les contrôles de sécurité nécessaires.',
    },
    {
      code: 'C8',
      title: "Documenter le déploiement d'une application dynamique web ou web mobile",
      description: "Rédiger la procédure de déploiement, automatiser les tests et la livraison continue, et la tenir à jour pour l'équipe.",
    },
  ],
};

/** One week a month at Boitron, the other weeks at home or in a third place. */
export const DEMO_COHORT = {
  name: 'Promo 1',
  startsOn: '2026-09-07',
  endsOn: '2027-06-25',
  fullyRemote: false,
};

export interface DemoPerson {
  email: string;
  displayName: string;
  isAdmin: boolean;
  role: CohortRole | null;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  // Coordinatrice pédagogique of the school: creates cohorts, plans on-site weeks, exports for funders.
  { email: 'admin@fabrique.demo', displayName: 'Hélène Garnier', isAdmin: true, role: null },
  // Formateur, fifteen years as a PHP developer in an agency in Alençon before teaching.
  { email: 'julien.lefevre@fabrique.demo', displayName: 'Julien Lefèvre', isAdmin: false, role: 'facilitator' },
  // 44, aide-soignante for twenty years, retraining after a back injury; funded by France Travail.
  { email: 'sandrine.lemaire@fabrique.demo', displayName: 'Sandrine Lemaire', isAdmin: false, role: 'learner' },
  // 23, warehouse worker who taught himself Python from videos; no baccalauréat.
  { email: 'kevin.dasilva@fabrique.demo', displayName: 'Kevin Da Silva', isAdmin: false, role: 'learner' },
  // 31, former accounting assistant, two children, studies evenings from a tiers-lieu near Sées.
  { email: 'aicha.traore@fabrique.demo', displayName: 'Aïcha Traoré', isAdmin: false, role: 'learner' },
];

export interface DemoPeriod {
  kind: 'holiday' | 'internship';
  /** Every week holding a day from `from` to `to` is marked, as the admin screen's "mark a period" does. */
  from: string;
  to: string;
  note: string;
}

/**
 * Promo 1's year, so the first start shows a real calendar: one week a month at Boitron in the
 * Salle du fournil with the facilitator, the Christmas and spring breaks, and six weeks of
 * internship to finish. The rhythm's Mondays that fall in a break or the internship are skipped.
 */
export const DEMO_CALENDAR: {
  rhythm: RhythmRule;
  roomName: string;
  periods: DemoPeriod[];
  /** The agenda of the 1st, 2nd… on-site week actually scheduled; `moreAgenda` for any beyond. */
  agendas: string[];
  moreAgenda: string;
} = {
  rhythm: { kind: 'first-full-week-of-month' },
  roomName: 'Salle du fournil',
  periods: [
    { kind: 'holiday', from: '2026-12-21', to: '2027-01-01', note: 'Vacances de Noël' },
    { kind: 'holiday', from: '2027-04-19', to: '2027-04-30', note: 'Vacances de printemps' },
    { kind: 'internship', from: '2027-05-17', to: '2027-06-25', note: 'Stage en entreprise (6 semaines)' },
  ],
  agendas: [
    'Accueil de la promo, installation des postes et de Git (C1). Lancement du brief « Portfolio »',
    'Maquettage : zoning, wireframes, accessibilité (C2). Revue des portfolios',
    'Intégration HTML et CSS responsive, audit RGAA (C3). Revue de code et démonstrations',
    'JavaScript : interactions et appels d’API (C4). Lancement du brief « Réserv’Asso »',
    'Modéliser les données : MCD, MLD et RGPD (C5). Revue de code et démonstrations',
    'Requêtes SQL et NoSQL sans injection, tests d’accès aux données (C6)',
    'API côté serveur et tests unitaires (C7). Revue de code et démonstrations',
    'Déploiement et intégration continue (C8). Préparation de la recherche de stage',
    'Dossier professionnel, oral blanc devant jury, derniers conseils avant le stage',
  ],
  moreAgenda: 'Revue de code et démonstrations',
};

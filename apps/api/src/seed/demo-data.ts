import type { AssignmentMode, BriefMode, CohortRole, ReviewVerdict, RhythmRule } from '@fabrique/domain';
import type { ResourceKind } from '@fabrique/persistence';

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

export interface DemoResource {
  title: string;
  url: string;
  kind: ResourceKind;
  estimatedMinutes: number;
}

export interface DemoModule {
  title: string;
  summary: string;
  resources: DemoResource[];
  /** Assigned to Promo 1 with the API's rules (assignmentDue): before its Nth on-site week, or during its Nth distance week. */
  assignment: { mode: AssignmentMode; week: number } | null;
}

/** A published course of the track, so learners have something to study between on-site weeks. */
export const DEMO_COURSE: { title: string; summary: string; modules: DemoModule[] } = {
  title: 'Les bases du web',
  summary: 'HTML, CSS et accessibilité : ce qu’il faut avoir lu et pratiqué avant d’intégrer sa première maquette.',
  modules: [
    {
      title: 'Comprendre le web et HTML',
      summary: 'Comment une page arrive dans le navigateur, et la structure sémantique d’un document HTML.',
      assignment: { mode: 'prepare_before_onsite', week: 2 },
      resources: [
        { title: 'Comment fonctionne le Web', url: 'https://developer.mozilla.org/fr/docs/Learn/Getting_started_with_the_web/How_the_Web_works', kind: 'article', estimatedMinutes: 15 },
        { title: 'Les bases du HTML', url: 'https://developer.mozilla.org/fr/docs/Learn/Getting_started_with_the_web/HTML_basics', kind: 'documentation', estimatedMinutes: 30 },
        { title: 'Structurer une page avec les éléments sémantiques', url: 'https://developer.mozilla.org/fr/docs/Learn/HTML/Introduction_to_HTML/Document_and_website_structure', kind: 'article', estimatedMinutes: 40 },
        { title: 'Exercice : baliser une page de recette', url: 'https://developer.mozilla.org/fr/docs/Learn/HTML/Introduction_to_HTML/Structuring_a_page_of_content', kind: 'exercise', estimatedMinutes: 60 },
      ],
    },
    {
      title: 'Mettre en forme avec CSS',
      summary: 'Sélecteurs, cascade, boîtes, Flexbox et mise en page adaptée à toutes les tailles d’écran.',
      assignment: { mode: 'during_distance', week: 3 },
      resources: [
        { title: 'Les bases des CSS', url: 'https://developer.mozilla.org/fr/docs/Learn/Getting_started_with_the_web/CSS_basics', kind: 'documentation', estimatedMinutes: 30 },
        { title: 'Le modèle de boîte', url: 'https://developer.mozilla.org/fr/docs/Learn/CSS/Building_blocks/The_box_model', kind: 'article', estimatedMinutes: 25 },
        { title: 'Flexbox', url: 'https://developer.mozilla.org/fr/docs/Learn/CSS/CSS_layout/Flexbox', kind: 'article', estimatedMinutes: 45 },
      ],
    },
    {
      title: 'Accessibilité et RGAA',
      summary: 'Pourquoi et comment rendre une interface utilisable par tous, et les critères du RGAA.',
      // Not assigned yet: the facilitator decides when.
      assignment: null,
      resources: [
        { title: 'Qu’est-ce que l’accessibilité ?', url: 'https://developer.mozilla.org/fr/docs/Learn/Accessibility/What_is_accessibility', kind: 'article', estimatedMinutes: 20 },
        { title: 'Le référentiel RGAA 4.1', url: 'https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/', kind: 'documentation', estimatedMinutes: 45 },
      ],
    },
  ],
};

/** A date and a wall-clock time at the cohort's site, as the assign form takes them. */
export interface DemoLocalTime {
  date: string;
  time: string;
}

export interface DemoSubmission {
  /** The learner, or for a group brief the member who submits for the group. */
  by: string;
  links: string[];
  comment: string;
  at: DemoLocalTime;
  /** The facilitator's review of this version, if any: a level per targeted competency. */
  review?: { verdict: ReviewVerdict; comment: string; levels: Array<{ code: string; level: number; comment: string }> };
}

export interface DemoBrief {
  title: string;
  context: string;
  deliverables: string;
  mode: BriefMode;
  competencies: Array<{ code: string; expectedLevel: number }>;
  /** Assigned to Promo 1 by its facilitator, in the site's local time. */
  start: DemoLocalTime;
  due: DemoLocalTime;
  /** Group briefs: every learner of the cohort in exactly one group, by e-mail. */
  groups: Array<{ name: string; learners: string[] }>;
  /** In order: a learner's second entry is their version 2. */
  submissions: DemoSubmission[];
}

/** The two briefs the on-site agendas launch; the Portfolio has its first versions and a review. */
export const DEMO_BRIEFS: DemoBrief[] = [
  {
    title: 'Portfolio',
    context:
      'Vous cherchez bientôt un stage : présentez-vous en ligne. Maquettez puis intégrez un portfolio d’une page (présentation, parcours, projets, contact), lisible sur téléphone comme sur ordinateur.',
    deliverables: '- Les maquettes mobile et bureau (lien Figma ou PDF)\n- Le dépôt Git du site\n- L’adresse du site publié',
    mode: 'individual',
    competencies: [
      { code: 'C2', expectedLevel: 1 },
      { code: 'C3', expectedLevel: 2 },
    ],
    start: { date: '2026-09-07', time: '09:00' },
    due: { date: '2026-10-02', time: '18:00' },
    groups: [],
    submissions: [
      {
        by: 'sandrine.lemaire@fabrique.demo',
        links: ['https://www.figma.com/file/sLm4quette/portfolio-sandrine', 'https://github.com/sandrine-lemaire/portfolio'],
        comment: 'Première version : la maquette bureau n’est pas finie.',
        at: { date: '2026-09-30', time: '21:40' },
        review: {
          verdict: 'to_redo',
          comment: 'Bon départ, la structure est claire. Reprenez la version mobile et les contrastes avant de renvoyer.',
          levels: [
            { code: 'C2', level: 1, comment: 'Zoning et wireframe mobile présents ; maquette bureau à terminer.' },
            { code: 'C3', level: 1, comment: 'HTML sémantique correct, mais le menu déborde sous 400 px et les contrastes ne passent pas le RGAA.' },
          ],
        },
      },
      {
        by: 'sandrine.lemaire@fabrique.demo',
        links: ['https://www.figma.com/file/sLm4quette/portfolio-sandrine', 'https://github.com/sandrine-lemaire/portfolio', 'https://sandrine-lemaire.github.io/portfolio/'],
        comment: 'Version mobile reprise, contrastes corrigés, site publié.',
        at: { date: '2026-10-11', time: '17:15' },
      },
      {
        by: 'kevin.dasilva@fabrique.demo',
        links: ['https://github.com/kdasilva/portfolio', 'https://kdasilva.github.io/portfolio/'],
        comment: 'Désolé pour le retard, j’ai fini ce week-end.',
        at: { date: '2026-10-04', time: '23:05' },
      },
      {
        by: 'aicha.traore@fabrique.demo',
        links: ['https://www.figma.com/file/aTr40re/portfolio', 'https://github.com/aicha-traore/portfolio'],
        comment: '',
        at: { date: '2026-10-01', time: '22:30' },
      },
    ],
  },
  {
    title: 'Réserv’Asso',
    context:
      'Le comité des fêtes de Boitron prête sa salle et son matériel (tables, barnum, sono) aux associations du canton. Réalisez l’application de réservation : calendrier des disponibilités, demande en ligne, validation par le bureau.',
    deliverables: '- Le MCD et le script de création de la base\n- Le dépôt Git de l’application, avec ses tests\n- Une démonstration de 10 minutes lors de la semaine sur site',
    mode: 'group',
    competencies: [
      { code: 'C4', expectedLevel: 2 },
      { code: 'C5', expectedLevel: 2 },
      { code: 'C6', expectedLevel: 1 },
    ],
    start: { date: '2026-12-07', time: '09:00' },
    due: { date: '2027-02-26', time: '18:00' },
    groups: [
      { name: 'Équipe Fournil', learners: ['sandrine.lemaire@fabrique.demo', 'aicha.traore@fabrique.demo'] },
      { name: 'Équipe Pétrin', learners: ['kevin.dasilva@fabrique.demo'] },
    ],
    submissions: [],
  },
];

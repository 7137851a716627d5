import { addMessages } from '../../i18n';

/** The live-help screens' newer texts (i18next namespace "liveHelp"): French first, English with the same keys. */
const fr = {
  context: {
    legend: 'À propos de (facultatif)',
    brief: 'Projet concerné',
    resource: 'Ressource de cours concernée',
    competency: 'Compétence concernée',
    none: 'Aucun·e',
    briefOn: 'Projet : {{title}}',
    resourceOn: 'Ressource : {{title}}',
    competencyOn: 'Compétence : {{code}} — {{title}}',
    unknown: 'non visible',
  },
  resolved: {
    title: 'Questions résolues ces 7 derniers jours',
    hint: 'Publiez une réponse utile en fil d’entraide : le ou la prochain·e apprenant·e la trouvera sans attendre.',
    empty: 'Aucune question résolue ces 7 derniers jours.',
    resolution: 'Résolue par {{name}} : {{resolution}}',
  },
  publish: {
    open: 'Publier en fil d’entraide',
    legend: 'Publier « {{question}} » en fil d’entraide',
    title: 'Titre du fil',
    titleHint: 'Entre 8 et 160 caractères. L’apprenant·e y apparaît comme « Apprenant·e », jamais par son nom.',
    scope: 'Visible par',
    scopeCohort: 'Cette promo',
    scopeTrack: 'Toutes les promos de la formation',
    submit: 'Publier',
    submitting: 'Publication…',
    cancel: 'Annuler',
    done: 'Publiée en fil d’entraide :',
    alreadyDone: 'Déjà publiée en fil d’entraide :',
    notResolved: 'Seule une question résolue peut être publiée.',
    forbidden: 'Seul·e un·e formateur·rice de cette promo peut publier cette question.',
    openThread: 'Voir le fil « {{title}} »',
    openThreadUntitled: 'Voir le fil',
  },
};

const en: typeof fr = {
  context: {
    legend: 'About (optional)',
    brief: 'Brief',
    resource: 'Course resource',
    competency: 'Competency',
    none: 'None',
    briefOn: 'Brief: {{title}}',
    resourceOn: 'Resource: {{title}}',
    competencyOn: 'Competency: {{code}} — {{title}}',
    unknown: 'not visible',
  },
  resolved: {
    title: 'Questions resolved in the last 7 days',
    hint: 'Publish a useful answer as a peer-help thread: the next learner will find it without waiting.',
    empty: 'No question resolved in the last 7 days.',
    resolution: 'Resolved by {{name}}: {{resolution}}',
  },
  publish: {
    open: 'Publish as a peer-help thread',
    legend: 'Publish “{{question}}” as a peer-help thread',
    title: 'Thread title',
    titleHint: 'Between 8 and 160 characters. The learner is shown as “Learner”, never by name.',
    scope: 'Visible to',
    scopeCohort: 'This cohort',
    scopeTrack: 'Every cohort of the track',
    submit: 'Publish',
    submitting: 'Publishing…',
    cancel: 'Cancel',
    done: 'Published as a peer-help thread:',
    alreadyDone: 'Already published as a peer-help thread:',
    notResolved: 'Only a resolved question can be published.',
    forbidden: 'Only a facilitator of this cohort can publish this question.',
    openThread: 'Open the thread “{{title}}”',
    openThreadUntitled: 'Open the thread',
  },
};

export const messages = { fr, en };
addMessages('liveHelp', messages);

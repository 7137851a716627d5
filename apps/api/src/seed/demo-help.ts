import type { EntityManager } from 'typeorm';
import {
  BODY_MAX_LENGTH,
  localDateTimeToInstant,
  mayPostAnonymously,
  normalizeTags,
  TITLE_MAX_LENGTH,
  TITLE_MIN_LENGTH,
  type ThreadScope,
  voteRefusal,
  type VoteValue,
} from '@fabrique/domain';
import { CalendarRepository } from '../calendar/calendar.repository.js';
import type { DemoLocalTime } from './demo-data.js';

export interface DemoHelpResult {
  /** Rows this run inserted, by table; all 0 once the demo's threads exist. */
  threads: number;
  replies: number;
  threadVotes: number;
  replyVotes: number;
  follows: number;
  revisions: number;
}

export interface DemoHelpTarget {
  trackId: string;
  cohortId: string;
}

export interface DemoVote {
  by: string;
  value: VoteValue;
}

export interface DemoHelpReply {
  by: string;
  anonymous?: boolean;
  at: DemoLocalTime;
  /** Markdown, as it reads now. */
  body: string;
  votes?: DemoVote[];
  /** The thread's accepted answer. */
  accepted?: boolean;
  /** Endorsed by a facilitator of the cohort. */
  endorsed?: { by: string; at: DemoLocalTime };
  /** Edited by its author: `earlierBody` becomes version 1 of its history. */
  edited?: { at: DemoLocalTime; earlierBody: string };
}

export interface DemoHelpThread {
  by: string;
  anonymous?: boolean;
  scope: ThreadScope;
  at: DemoLocalTime;
  title: string;
  /** Markdown. */
  body: string;
  tags: string[];
  /** A brief of the track, by title. */
  brief?: string;
  /** A resource of a course of the track, by title. */
  resource?: string;
  votes?: DemoVote[];
  /** In the order they were written. */
  replies: DemoHelpReply[];
}

const SANDRINE = 'sandrine.lemaire@fabrique.demo';
const KEVIN = 'kevin.dasilva@fabrique.demo';
const AICHA = 'aicha.traore@fabrique.demo';
const JULIEN = 'julien.lefevre@fabrique.demo';

const at = (date: string, time: string): DemoLocalTime => ({ date, time });
const md = (...lines: string[]) => lines.join('\n');
const up = (...emails: string[]): DemoVote[] => emails.map((by) => ({ by, value: 1 }));

/** Kevin's first answer on GitHub Pages, before he noticed the file name and edited it. */
const PAGES_FIRST_ANSWER =
  'Dans *Settings > Pages*, vérifie que la source est bien la branche `main` et le dossier `/ (root)`. Le premier déploiement peut prendre quelques minutes.';

/**
 * Promo 1's peer help since the start of the year, so the list and search have something on
 * first start: questions of adults learning the trade, mostly in the cohort, two shared with the
 * track, two asked anonymously; five with an accepted answer, five answered, four still waiting.
 * Accents are written as users write them: search finds « équipe » when typed « equipe ».
 */
export const DEMO_HELP_THREADS: DemoHelpThread[] = [
  {
    by: SANDRINE,
    scope: 'cohort',
    at: at('2026-09-09', '20:15'),
    title: 'Git me répond « fatal: not a git repository » alors que je suis dans mon dossier',
    tags: ['git', 'terminal'],
    body: md(
      'Bonsoir, je refais chez moi l’installation de lundi. J’ai créé le dossier `portfolio` sur le bureau, mais dès que je tape une commande Git j’ai ce message :',
      '',
      '```bash',
      '$ git status',
      'fatal: not a git repository (or any of the parent directories): .git',
      '```',
      '',
      'Pourtant je vois bien le dossier dans l’explorateur. Qu’est-ce que j’ai oublié ?',
    ),
    votes: up(AICHA),
    replies: [
      {
        by: KEVIN,
        at: at('2026-09-09', '20:41'),
        body: md('Il faut d’abord dire à Git de suivre ce dossier, une seule fois :', '', '```bash', 'cd ~/Bureau/portfolio', 'git init', '```', '', 'Après ça `git status` devrait marcher.'),
        votes: up(SANDRINE),
      },
      {
        by: JULIEN,
        at: at('2026-09-09', '21:02'),
        body:
          'Kevin a raison. Un réflexe à prendre : avant une commande Git, tapez `pwd` pour vérifier **où** vous êtes. Le terminal s’ouvre souvent dans votre dossier personnel, pas dans le projet. ' +
          'Et si vous avez cloné le dépôt depuis GitHub, pas besoin de `git init` : il suffit d’entrer dans le dossier cloné.',
        votes: up(SANDRINE, AICHA),
      },
      { by: SANDRINE, at: at('2026-09-09', '21:20'), body: 'C’était ça, j’étais dans mon dossier personnel ! Merci à vous deux.' },
    ],
  },
  {
    by: AICHA,
    scope: 'cohort',
    at: at('2026-09-24', '21:30'),
    title: 'Déployer mon portfolio sur GitHub Pages : j’ai une erreur 404',
    tags: ['deploiement', 'github-pages', 'portfolio'],
    brief: 'Portfolio',
    body: md(
      'J’ai poussé mon portfolio sur mon dépôt GitHub et activé Pages, mais l’adresse `https://aicha-traore.github.io/portfolio/` affiche une 404. Mon dossier ressemble à ça :',
      '',
      '```bash',
      '$ ls',
      'Index.html  css  images',
      '```',
      '',
      'Est-ce qu’il faut attendre, ou j’ai raté une étape du déploiement ?',
    ),
    votes: up(SANDRINE, KEVIN),
    replies: [
      {
        by: KEVIN,
        at: at('2026-09-24', '22:05'),
        body: md(
          PAGES_FIRST_ANSWER,
          '',
          '**Édit :** je viens de voir ton `ls` : ta page s’appelle `Index.html` avec une majuscule. GitHub Pages cherche `index.html` en minuscules, renomme-la :',
          '',
          '```bash',
          'git mv Index.html index.html',
          'git commit -m "Renomme la page d’accueil"',
          'git push',
          '```',
        ),
        edited: { at: at('2026-09-25', '07:50'), earlierBody: PAGES_FIRST_ANSWER },
        endorsed: { by: JULIEN, at: at('2026-09-25', '09:10') },
        accepted: true,
        votes: up(AICHA, SANDRINE, JULIEN),
      },
      { by: AICHA, at: at('2026-09-25', '12:30'), body: 'Merci Kevin, c’était la majuscule ! Le site est en ligne.' },
    ],
  },
  {
    by: KEVIN,
    scope: 'cohort',
    at: at('2026-09-29', '22:40'),
    title: 'Flexbox : mes cartes de projets ne passent pas à la ligne sur mobile',
    tags: ['css', 'flexbox', 'responsive'],
    resource: 'Flexbox',
    body: md(
      'Sur téléphone, mes trois cartes restent sur une seule ligne et la page défile à l’horizontale :',
      '',
      '```css',
      '.projets {',
      '  display: flex;',
      '  gap: 1rem;',
      '}',
      '',
      '.carte {',
      '  width: 320px;',
      '}',
      '```',
      '',
      'J’ai essayé `width: 100%` mais toutes les cartes deviennent minuscules. Une idée ?',
    ),
    votes: up(AICHA),
    replies: [
      {
        by: SANDRINE,
        at: at('2026-09-30', '07:55'),
        body: 'Par défaut, Flexbox garde tout sur une ligne. Ajoute `flex-wrap: wrap;` sur `.projets` et les cartes passeront à la ligne quand il n’y a plus de place.',
        accepted: true,
        votes: up(KEVIN, AICHA, JULIEN),
      },
      {
        by: JULIEN,
        at: at('2026-09-30', '09:20'),
        body: md(
          'Et pour que les cartes s’étirent proprement, plutôt qu’une largeur fixe :',
          '',
          '```css',
          '.carte {',
          '  flex: 1 1 280px; /* grandit, rétrécit, part de 280px */',
          '}',
          '```',
          '',
          'C’est dans la ressource « Flexbox » du module CSS, partie *flex-basis*.',
        ),
        votes: up(KEVIN),
      },
    ],
  },
  {
    by: SANDRINE,
    scope: 'cohort',
    at: at('2026-10-01', '22:10'),
    title: 'Les accents s’affichent mal : « Ã© » à la place de « é »',
    tags: ['html', 'encodage'],
    body: md(
      'Sur ma page « À propos », tous mes accents sont remplacés par des signes bizarres : « Ã© » au lieu de « é », « Ã¨ » au lieu de « è ». Dans l’éditeur tout est normal. Le début de ma page :',
      '',
      '```html',
      '<html lang="fr">',
      '<head>',
      '  <title>Portfolio</title>',
      '```',
    ),
    votes: up(AICHA),
    replies: [
      {
        by: KEVIN,
        at: at('2026-10-01', '22:25'),
        body: md(
          'Il te manque la déclaration d’encodage, en toute première ligne du `<head>` :',
          '',
          '```html',
          '<meta charset="utf-8">',
          '```',
          '',
          'Sans elle, le navigateur devine l’encodage et se trompe.',
        ),
        accepted: true,
        votes: up(SANDRINE, JULIEN),
      },
    ],
  },
  {
    by: SANDRINE,
    scope: 'cohort',
    at: at('2026-10-07', '19:45'),
    title: 'Accessibilité : quel contraste minimum pour mon texte gris clair ?',
    tags: ['accessibilite', 'css', 'rgaa'],
    body: 'Julien m’a signalé en revue que mon texte gris (`#999` sur fond blanc) ne passe pas le RGAA. Quel est le contraste minimum à viser, et comment le mesurer sans tout refaire à l’œil ?',
    votes: up(KEVIN, AICHA),
    replies: [
      {
        by: AICHA,
        at: at('2026-10-07', '20:30'),
        body: 'Pour du texte normal, il faut un rapport d’au moins **4,5:1** (3:1 pour du gros texte). J’utilise *Colour Contrast Analyser* : on y colle les deux couleurs. `#767676` sur blanc passe tout juste.',
        votes: up(SANDRINE, KEVIN),
      },
      {
        by: JULIEN,
        at: at('2026-10-08', '08:40'),
        body:
          'C’est le critère 3.2 du RGAA. Les outils de développement de Firefox l’affichent aussi : inspectez le texte, le contraste est indiqué à côté de la couleur. ' +
          'Pensez aussi aux textes posés sur des images et aux boutons désactivés.',
        votes: up(SANDRINE),
      },
    ],
  },
  {
    by: KEVIN,
    scope: 'track',
    at: at('2026-10-21', '23:15'),
    title: 'Clé étrangère : ON DELETE CASCADE ou pas ?',
    tags: ['sql', 'postgresql', 'modelisation'],
    body: md(
      'Je prends un peu d’avance sur le module base de données avec un petit projet pour mon club de foot : des équipes et des joueurs. Quand je supprime une équipe, PostgreSQL refuse :',
      '',
      '```sql',
      'DELETE FROM equipes WHERE id = 3;',
      '-- ERROR: update or delete on table "equipes" violates foreign key constraint "joueurs_equipe_id_fkey"',
      '```',
      '',
      'Faut-il mettre `ON DELETE CASCADE` sur la clé étrangère ? J’ai peur de perdre des joueurs sans le vouloir.',
    ),
    votes: up(SANDRINE, AICHA, JULIEN),
    replies: [
      {
        by: JULIEN,
        at: at('2026-10-22', '08:30'),
        body: md(
          'Bon réflexe d’avoir peur ! La contrainte fait son travail : elle empêche de laisser des joueurs rattachés à une équipe qui n’existe plus. Trois choix, selon la règle métier :',
          '',
          '```sql',
          '-- les joueurs disparaissent avec l’équipe',
          'equipe_id integer REFERENCES equipes (id) ON DELETE CASCADE',
          '-- les joueurs restent, sans équipe',
          'equipe_id integer REFERENCES equipes (id) ON DELETE SET NULL',
          '-- on refuse (le défaut) : il faut d’abord les transférer',
          'equipe_id integer REFERENCES equipes (id)',
          '```',
          '',
          'Pour un club, un joueur existe sans son équipe : je choisirais `SET NULL`. On en reparle en janvier avec le module C5.',
        ),
        accepted: true,
        votes: up(KEVIN, AICHA),
      },
      { by: KEVIN, at: at('2026-10-22', '12:10'), body: 'Logique, je passe en `SET NULL`. Merci !' },
    ],
  },
  {
    by: AICHA,
    scope: 'cohort',
    at: at('2026-10-28', '20:05'),
    title: 'Images floues sur les téléphones dans mon portfolio',
    tags: ['html', 'images', 'responsive'],
    body: 'Mes captures de projets sont nettes sur mon ordinateur mais floues sur le téléphone de ma fille. Les images font 400 px de large et je les affiche en 400 px. Faut-il les exporter plus grandes ?',
    votes: up(SANDRINE),
    replies: [
      {
        by: KEVIN,
        at: at('2026-10-28', '21:30'),
        body: md(
          'Oui : les écrans de téléphone ont 2 ou 3 pixels physiques par pixel CSS. Exporte une version deux fois plus grande et laisse le navigateur choisir :',
          '',
          '```html',
          '<img src="projet-400.png"',
          '     srcset="projet-400.png 1x, projet-800.png 2x"',
          '     alt="Page d’accueil du site de l’épicerie">',
          '```',
        ),
        votes: up(AICHA),
      },
    ],
  },
  {
    by: KEVIN,
    scope: 'cohort',
    at: at('2026-11-04', '22:30'),
    title: 'Mon menu burger ne s’ouvre pas au clavier (audit d’accessibilité)',
    tags: ['accessibilite', 'javascript', 'html'],
    body: md(
      'Pendant l’audit RGAA de ce matin, on a vu que mon menu ne s’ouvre pas avec la touche Entrée. Mon code :',
      '',
      '```js',
      'const burger = document.querySelector(".burger");',
      'burger.addEventListener("click", () => {',
      '  document.querySelector("nav ul").classList.toggle("ouvert");',
      '});',
      '```',
      '',
      '`.burger` est une `<div>` avec trois `<span>` dedans. À la souris, ça marche très bien.',
    ),
    votes: up(AICHA),
    replies: [
      {
        by: SANDRINE,
        at: at('2026-11-04', '23:05'),
        body: 'J’ai eu le même souci : une `<div>` ne reçoit pas le focus clavier. Remplace-la par un `<button type="button">` : Entrée et Espace déclenchent ton `click` tout seuls.',
        votes: up(KEVIN, JULIEN),
      },
      {
        by: JULIEN,
        at: at('2026-11-05', '08:50'),
        body: md(
          'Exactement. Ajoutez aussi `aria-expanded` pour que les lecteurs d’écran annoncent l’état du menu :',
          '',
          '```js',
          'const menu = document.querySelector("nav ul");',
          'burger.addEventListener("click", () => {',
          '  const ouvert = burger.getAttribute("aria-expanded") === "true";',
          '  burger.setAttribute("aria-expanded", String(!ouvert));',
          '  menu.classList.toggle("ouvert", !ouvert);',
          '});',
          '```',
          '',
          'Et donnez un nom au bouton (`aria-label="Menu"`), sinon il est annoncé « bouton » tout court.',
        ),
        votes: up(KEVIN, SANDRINE),
      },
    ],
  },
  {
    by: SANDRINE,
    scope: 'cohort',
    at: at('2026-11-10', '18:20'),
    title: 'J’ai commité sur la mauvaise branche, comment déplacer mon commit ?',
    tags: ['git'],
    body: 'J’ai fait mon commit « Ajoute le formulaire de contact » directement sur `main` au lieu de ma branche `contact`. Je n’ai pas encore poussé. Comment le déplacer sans tout recommencer ?',
    votes: up(AICHA),
    replies: [
      {
        by: KEVIN,
        at: at('2026-11-10', '19:05'),
        body: md(
          'Tant que ce n’est pas poussé, c’est facile :',
          '',
          '```bash',
          'git switch contact',
          'git cherry-pick main      # recopie le dernier commit de main ici',
          'git switch main',
          'git reset --hard HEAD~1   # et l’enlève de main',
          '```',
          '',
          'Attention, `reset --hard` efface les modifications pas encore commitées : fais un `git status` avant.',
        ),
        votes: up(SANDRINE),
      },
    ],
  },
  {
    by: AICHA,
    scope: 'track',
    at: at('2026-11-12', '21:40'),
    title: 'Requête SQL : compter les réservations par association, même celles qui n’en ont aucune',
    tags: ['sql', 'jointure'],
    body: md(
      'Je m’entraîne sur le MCD de Réserv’Asso. Ma requête oublie les associations sans réservation, alors que je voudrais les voir avec 0 :',
      '',
      '```sql',
      'SELECT a.nom, count(*) AS reservations',
      'FROM associations a',
      'JOIN reservations r ON r.association_id = a.id',
      'GROUP BY a.nom;',
      '```',
      '',
      'Qu’est-ce qui cloche ?',
    ),
    votes: up(KEVIN),
    replies: [],
  },
  {
    by: AICHA,
    anonymous: true,
    scope: 'cohort',
    at: at('2026-11-18', '21:50'),
    title: 'Travailler à plusieurs sur le même dépôt Git sans tout casser ?',
    tags: ['git', 'travail-en-equipe'],
    brief: 'Réserv’Asso',
    body:
      'Question peut-être bête, je préfère la poser anonymement… Pour Réserv’Asso on sera en équipe sur un seul dépôt, et j’ai très peur d’effacer le travail des autres avec un mauvais `git push`. ' +
      'Comment faites-vous, concrètement, pour ne pas vous marcher dessus ?',
    votes: up(SANDRINE, KEVIN),
    replies: [
      {
        by: KEVIN,
        at: at('2026-11-18', '22:20'),
        body: 'Moi quand ça bloque je fais `git push --force` et ça passe 😅',
        votes: [{ by: JULIEN, value: -1 }],
      },
      {
        by: JULIEN,
        at: at('2026-11-19', '08:15'),
        body: md(
          'Pas bête du tout, c’est LA question à se poser avant un projet d’équipe. Et surtout pas de `--force` sur une branche partagée : c’est justement ce qui écrase le travail des autres. La méthode que nous suivrons :',
          '',
          '```bash',
          'git switch main',
          'git pull                              # récupérer le travail des autres',
          'git switch -c reservation-formulaire  # une branche par fonctionnalité',
          '# … vos commits …',
          'git push -u origin reservation-formulaire',
          '```',
          '',
          'Puis une *pull request* sur GitHub, relue par un membre de l’équipe avant de fusionner dans `main`. Nous protégerons `main` pour que personne ne puisse y pousser directement.',
        ),
        accepted: true,
        votes: up(SANDRINE, KEVIN, AICHA),
      },
      { by: SANDRINE, at: at('2026-11-19', '12:40'), body: 'Merci pour la question, je me la posais aussi !' },
    ],
  },
  {
    by: SANDRINE,
    anonymous: true,
    scope: 'cohort',
    at: at('2026-11-19', '22:35'),
    title: 'let, const, var : je mélange encore tout, c’est grave ?',
    tags: ['javascript', 'debutant'],
    body: md(
      'Je n’ose pas trop le demander en séance… On a vu les variables en septembre et je ne sais toujours pas quand utiliser `let` ou `const`. Et `var`, on l’utilise encore ? Dans les tutoriels, chacun fait différemment.',
      '',
      '```js',
      'var compteur = 0;',
      'let total = 12;',
      'const ville = "Sées";',
      '```',
    ),
    replies: [],
  },
  {
    by: KEVIN,
    scope: 'cohort',
    at: at('2026-11-20', '23:50'),
    title: 'Mode sombre : prefers-color-scheme ne change rien sur mon téléphone',
    tags: ['css', 'responsive', 'mobile'],
    body: md(
      'J’ai ajouté un thème sombre à mon portfolio. Il marche sur mon ordinateur quand je passe Windows en sombre, mais pas sur mon téléphone Android, qui est pourtant en mode sombre :',
      '',
      '```css',
      '@media (prefers-color-scheme: dark) {',
      '  :root {',
      '    --fond: #121212;',
      '    --texte: #f1f1f1;',
      '  }',
      '}',
      '```',
      '',
      'Quelqu’un a déjà eu ça ?',
    ),
    replies: [],
  },
  {
    by: SANDRINE,
    scope: 'cohort',
    at: at('2026-11-22', '21:10'),
    title: 'Mon formulaire de contact recharge la page quand je clique sur Envoyer',
    tags: ['javascript', 'formulaire'],
    body: md(
      'Je veux afficher « Merci, votre message est bien envoyé » sous le formulaire, mais la page se recharge et le message disparaît aussitôt :',
      '',
      '```js',
      'const formulaire = document.querySelector("#contact");',
      'formulaire.addEventListener("submit", () => {',
      '  document.querySelector("#merci").hidden = false;',
      '});',
      '```',
    ),
    replies: [],
  },
];

/**
 * Promo 1's peer-help threads, with the manager of the seed's transaction. Insert-only, like the
 * course and briefs: a thread is found by title in the cohort (its current title or one of its
 * earlier versions), and only a missing one is written, with its replies, votes, follows and edit
 * history; what users have since done with a thread (replied, edited, accepted, deleted) is left
 * as it is. Counters are those of the rows written:
 * the reply count, the scores as the sum of the votes, the last activity at the last reply.
 * Posts by someone no longer in the cohort are left out, with what depends on them.
 */
export async function seedDemoHelp(manager: EntityManager, target: DemoHelpTarget): Promise<{ help: DemoHelpResult }> {
  const help: DemoHelpResult = { threads: 0, replies: 0, threadVotes: 0, replyVotes: 0, follows: 0, revisions: 0 };
  const cohort = await new CalendarRepository(manager.connection).cohort(target.cohortId, manager);
  if (!cohort) throw new Error(`Cohort ${target.cohortId} not found`);
  const timeZone = cohort.timeZone as string;
  const instant = (time: DemoLocalTime) => localDateTimeToInstant(time.date, time.time, timeZone);

  const rows: Array<{ id: string; email: string; role: 'learner' | 'facilitator' }> = await manager.query(
    `SELECT u.id, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.cohort_id = $1`,
    [target.cohortId],
  );
  const members = new Map(rows.map((row) => [row.email, row]));

  for (const demo of DEMO_HELP_THREADS) {
    const author = members.get(demo.by);
    if (!author) continue;
    // Found under its title, or the title it had before its author edited it.
    const [existing] = await manager.query(
      `SELECT 1 FROM help_threads h WHERE h.cohort_id = $1 AND (lower(h.title) = lower($2)
          OR EXISTS (SELECT 1 FROM help_post_revisions pr WHERE pr.thread_id = h.id AND lower(pr.title) = lower($2)))`,
      [target.cohortId, demo.title],
    );
    if (existing) continue;
    checkPost(demo, author.role);

    const createdAt = instant(demo.at);
    const replies = demo.replies.filter((reply) => members.has(reply.by));
    const votes = castVotes(demo.votes, demo.by, members, demo.title);
    const lastActivityAt = replies.length > 0 ? instant(replies[replies.length - 1].at) : createdAt;
    const [thread] = await manager.query(
      `INSERT INTO help_threads (cohort_id, track_id, scope, author_id, anonymous, title, body, tags, brief_id, resource_id, score, reply_count, created_at, last_activity_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        target.cohortId,
        target.trackId,
        demo.scope,
        author.id,
        demo.anonymous ?? false,
        demo.title,
        demo.body,
        tagsOf(demo),
        demo.brief ? await briefId(manager, target.trackId, demo.brief) : null,
        demo.resource ? await resourceId(manager, target.trackId, demo.resource) : null,
        votes.reduce((sum, vote) => sum + vote.value, 0),
        replies.length,
        createdAt,
        lastActivityAt,
      ],
    );
    help.threads++;
    help.threadVotes += await insertVotes(manager, 'thread', thread.id, votes, createdAt);
    await manager.query(`INSERT INTO help_follows (thread_id, user_id, followed_at) VALUES ($1, $2, $3)`, [thread.id, author.id, createdAt]);
    help.follows++;

    let acceptedReplyId: string | null = null;
    for (const reply of replies) {
      const replyAuthor = members.get(reply.by) as (typeof rows)[number];
      if (reply.anonymous && !mayPostAnonymously(replyAuthor.role)) throw new Error(`Demo reply by ${reply.by} in "${demo.title}" cannot be anonymous`);
      const replyAt = instant(reply.at);
      const replyVotes = castVotes(reply.votes, reply.by, members, demo.title);
      const endorser = reply.endorsed ? members.get(reply.endorsed.by) : undefined;
      if (endorser && endorser.role !== 'facilitator') throw new Error(`Demo endorsement in "${demo.title}" by ${endorser.email}, who is not a facilitator`);
      const [saved] = await manager.query(
        `INSERT INTO help_replies (thread_id, author_id, anonymous, body, score, endorsed_by, endorsed_at, created_at, edited_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          thread.id,
          replyAuthor.id,
          reply.anonymous ?? false,
          reply.body,
          replyVotes.reduce((sum, vote) => sum + vote.value, 0),
          endorser?.id ?? null,
          endorser && reply.endorsed ? instant(reply.endorsed.at) : null,
          replyAt,
          reply.edited ? instant(reply.edited.at) : null,
        ],
      );
      help.replies++;
      help.replyVotes += await insertVotes(manager, 'reply', saved.id, replyVotes, replyAt);
      if (reply.edited) {
        await manager.query(`INSERT INTO help_post_revisions (reply_id, version, body, written_at) VALUES ($1, 1, $2, $3)`, [saved.id, reply.edited.earlierBody, replyAt]);
        help.revisions++;
      }
      if (reply.accepted) acceptedReplyId = saved.id;
    }
    if (acceptedReplyId) await manager.query(`UPDATE help_threads SET accepted_reply_id = $1 WHERE id = $2`, [acceptedReplyId, thread.id]);
  }
  return { help };
}

/** The rules the API applies to a new thread, so the demo cannot hold what users could not write. */
function checkPost(demo: DemoHelpThread, role: 'learner' | 'facilitator'): void {
  const title = demo.title.trim();
  if (title.length < TITLE_MIN_LENGTH || title.length > TITLE_MAX_LENGTH) throw new Error(`Demo thread title "${demo.title}" must be ${TITLE_MIN_LENGTH} to ${TITLE_MAX_LENGTH} characters`);
  const bodies = [demo.body, ...demo.replies.map((reply) => reply.body)];
  if (bodies.some((body) => body.trim().length === 0 || body.length > BODY_MAX_LENGTH)) throw new Error(`Demo thread "${demo.title}" has an empty or too long post`);
  if (demo.anonymous && !mayPostAnonymously(role)) throw new Error(`Demo thread "${demo.title}" by a ${role} cannot be anonymous`);
  if (demo.replies.filter((reply) => reply.accepted).length > 1) throw new Error(`Demo thread "${demo.title}" accepts more than one reply`);
  // Local times of one site compare as text: replies in order after the question, edits and endorsements after their reply.
  const local = (time: DemoLocalTime) => `${time.date}T${time.time}`;
  let previous = local(demo.at);
  for (const reply of demo.replies) {
    const written = local(reply.at);
    const later = [reply.edited?.at, reply.endorsed?.at].flatMap((time) => (time ? [local(time)] : []));
    if (written <= previous || later.some((time) => time <= written)) throw new Error(`Demo thread "${demo.title}" has a reply, edit or endorsement out of order`);
    previous = written;
  }
}

function tagsOf(demo: DemoHelpThread): string[] {
  const result = normalizeTags(demo.tags);
  if ('problem' in result) throw new Error(`Demo thread "${demo.title}": ${result.problem}`);
  return result.tags;
}

/** The votes of members of the cohort; a vote on one's own post is a mistake in the demo data. */
function castVotes(votes: DemoVote[] | undefined, authorEmail: string, members: Map<string, { id: string }>, title: string): Array<{ userId: string; value: VoteValue }> {
  return (votes ?? []).flatMap((vote) => {
    const refusal = voteRefusal({ isAuthor: vote.by === authorEmail, isModerator: false });
    if (refusal) throw new Error(`Demo vote by ${vote.by} in "${title}": ${refusal}`);
    const voter = members.get(vote.by);
    return voter ? [{ userId: voter.id, value: vote.value }] : [];
  });
}

/** Votes are cast an hour after the post, as readers come by. */
async function insertVotes(manager: EntityManager, post: 'thread' | 'reply', postId: string, votes: Array<{ userId: string; value: VoteValue }>, postedAt: Date): Promise<number> {
  if (votes.length === 0) return 0;
  const votedAt = new Date(postedAt.getTime() + 3600 * 1000);
  await manager.query(
    `INSERT INTO help_${post}_votes (${post}_id, user_id, value, voted_at) SELECT $1, v.user_id, v.value, $4 FROM unnest($2::uuid[], $3::smallint[]) AS v (user_id, value)`,
    [postId, votes.map((vote) => vote.userId), votes.map((vote) => vote.value), votedAt],
  );
  return votes.length;
}

/** A brief or resource renamed by its author since is no longer linked. */
async function briefId(manager: EntityManager, trackId: string, title: string): Promise<string | null> {
  const [brief] = await manager.query(`SELECT id FROM briefs WHERE track_id = $1 AND lower(title) = lower($2)`, [trackId, title]);
  return brief?.id ?? null;
}

async function resourceId(manager: EntityManager, trackId: string, title: string): Promise<string | null> {
  const [resource] = await manager.query(
    `SELECT r.id FROM course_resources r JOIN course_modules m ON m.id = r.module_id JOIN courses c ON c.id = m.course_id
      WHERE c.track_id = $1 AND lower(r.title) = lower($2) ORDER BY r.id LIMIT 1`,
    [trackId, title],
  );
  return resource?.id ?? null;
}

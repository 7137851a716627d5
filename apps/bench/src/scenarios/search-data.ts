import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Logger } from '../harness/types.js';

/**
 * The peer-help history of a school after years of cohorts, for the search-growth scenario.
 *
 * Every cohort writes the same amount (500 questions with 3 replies each: 2,000 posts), so a
 * bigger history means more cohorts over more years, as it does in life: 10,000 posts are 5
 * cohorts, 1,000,000 are 500, spread over 5 tracks and 5 years. A fifth of the questions are
 * shared with their track, so the learner who searches (in the newest cohort of the first track)
 * reads their own cohort's 2,000 posts plus every track-wide question and its replies of their
 * track's history: about 80 of 10,000 posts and 40,000 of 1,000,000.
 *
 * Words follow a power law over a French developer's vocabulary (accents included), so a few
 * words are in many posts, most in few: "erreur" in about a fifth of posts, "sérialisation" in
 * well under one in a hundred.
 */
export const POSTS_PER_COHORT = 2_000;
const QUESTIONS_PER_COHORT = 500;
const REPLIES_PER_QUESTION = 3;
const TRACKS = 5;
const AUTHORS = 200;
export const SEARCHER_EMAIL = 'chercheuse@bench.fabrique';

/** Most frequent first: a word's chance falls exponentially with its rank (see `terms`). */
const VOCABULARY = [
  'erreur', 'problème', 'fonction', 'requête', 'données', 'fichier', 'code', 'page', 'projet', 'variable',
  'serveur', 'réponse', 'tableau', 'élément', 'méthode', 'paramètre', 'composant', 'formulaire', 'déploiement', 'base',
  'clé', 'étrangère', 'sécurité', 'dépendance', 'intégration', 'boucle', 'condition', 'événement', 'chaîne', 'objet',
  'classe', 'héritage', 'modèle', 'vue', 'contrôleur', 'route', 'session', 'cookie', 'jeton', 'authentification',
  'requêtes', 'jointure', 'index', 'transaction', 'migration', 'schéma', 'validation', 'sérialisation', 'récursivité', 'hachage',
  'chiffrement', 'pagination', 'accessibilité', 'débogueur', 'géolocalisation', 'idempotence', 'mémoïsation', 'middleware', 'webhook', 'cryptographie',
];

/** Ordinary words of a question, each in a few percent of posts. */
const FILLER = [
  'marche', 'affiche', 'console', 'navigateur', 'cliquer', 'bouton', 'écran', 'ligne', 'vide', 'essayé',
  'compris', 'exemple', 'documentation', 'tutoriel', 'version', 'terminal', 'commande', 'dossier', 'lancer', 'tester',
  'résultat', 'valeur', 'retourne', 'undefined', 'null', 'message', 'bloqué', 'depuis', 'hier', 'matin',
  'semaine', 'formateur', 'binôme', 'équipe', 'maquette', 'rendu', 'livrable', 'consigne', 'étape', 'aide',
];

/** The searches: each twice, with its accents and without, which must find the same threads. */
export const SEARCHES: Array<{ accented: string; plain: string; kind: string }> = [
  { accented: 'problème', plain: 'probleme', kind: 'very common word' },
  { accented: 'requête données', plain: 'requete donnees', kind: 'two common words' },
  { accented: 'déploiement', plain: 'deploiement', kind: 'frequent word' },
  { accented: 'clé étrangère', plain: 'cle etrangere', kind: 'two mid words' },
  { accented: 'sérialisation', plain: 'serialisation', kind: 'rare word' },
  { accented: 'mémoïsation', plain: 'memoisation', kind: 'rare word with a diaeresis' },
];

/** A version of the data: the generator's text and the migrations. A database made by another version is regenerated. */
export function dataVersion(root: string): string {
  const migrations = readdirSync(join(root, 'libs/persistence/src/migrations')).sort().join(',');
  return createHash('sha256').update(generateSql.toString()).update(VOCABULARY.join(',')).update(FILLER.join(',')).update(migrations).digest('hex').slice(0, 16);
}

/** `count` (an SQL expression of the row, so drawn again per row) words of the vocabulary, word k drawn with a chance ∝ e^(−k/12). */
const terms = (count: string) =>
  `(SELECT string_agg(v.words[1 + mod(floor(-ln(1 - random()) * 12)::int, cardinality(v.words))], ' ') FROM vocabulary v, generate_series(1, ${count}) g)`;
/** Ordinary words around the terms, drawn evenly. */
const filler = (count: string) =>
  `(SELECT string_agg(v.filler[1 + floor(random() * cardinality(v.filler))::int], ' ') FROM vocabulary v, generate_series(1, ${count}) g)`;

function generateSql(posts: number) {
  const cohorts = Math.max(1, Math.round(posts / POSTS_PER_COHORT));
  const questions = cohorts * QUESTIONS_PER_COHORT;
  return {
    cohorts,
    setup: [
      `CREATE TEMP TABLE vocabulary AS SELECT $1::text[] AS words, $2::text[] AS filler`,
      `INSERT INTO tracks (name) SELECT 'Piste ' || k FROM generate_series(1, ${TRACKS}) k`,
      // Cohort n belongs to track n % TRACKS and starts in year n / cohorts × 5: the newest are last.
      `INSERT INTO cohorts (name, track_id, starts_on, ends_on, fully_remote)
       SELECT 'Promo ' || n, t.id, date '2021-09-01' + (n * 1825 / ${cohorts}), date '2021-09-01' + (n * 1825 / ${cohorts}) + 300, true
       FROM generate_series(0, ${cohorts - 1}) n JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM tracks) t ON t.k = n % ${TRACKS}`,
      `INSERT INTO users (email, display_name) SELECT 'auteur' || k || '@bench.fabrique', 'Auteur ' || k FROM generate_series(1, ${AUTHORS}) k`,
      `INSERT INTO users (email, display_name) VALUES ('${SEARCHER_EMAIL}', 'Chercheuse')`,
      // The searcher: the newest cohort of "Piste 1".
      `INSERT INTO memberships (cohort_id, user_id, role)
       SELECT c.id, u.id, 'learner' FROM users u, cohorts c JOIN tracks t ON t.id = c.track_id
       WHERE u.email = '${SEARCHER_EMAIL}' AND t.name = 'Piste 1' ORDER BY c.starts_on DESC LIMIT 1`,
      `CREATE TEMP TABLE numbered_cohorts AS SELECT id, track_id, starts_on, row_number() OVER (ORDER BY starts_on, name) - 1 AS n FROM cohorts`,
      `CREATE TEMP TABLE numbered_authors AS SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM users WHERE email LIKE 'auteur%'`,
    ],
    /** Questions in `parts` statements that can run side by side, each over its own range. */
    questions: (part: number, parts: number) => {
      const from = Math.floor((questions * part) / parts);
      const to = Math.floor((questions * (part + 1)) / parts) - 1;
      return `INSERT INTO help_threads (cohort_id, track_id, scope, author_id, anonymous, title, body, tags, reply_count, created_at, last_activity_at)
        SELECT c.id, c.track_id, CASE WHEN i % 5 = 0 THEN 'track' ELSE 'cohort' END, a.id, i % 11 = 0,
          'Comment régler ' || ${terms('1 + i % 2')} || ' ' || ${filler('1 + i % 3')} || ' ?',
          'Bonjour, dans le brief j''ai un souci : ' || ${filler('6 + i % 5')} || ' ' || ${terms('2 + i % 3')} || ' ' || ${filler('8 + i % 7')} || '. Quelqu''un a une idée ?',
          ARRAY[(ARRAY['javascript','sql','php','css','react','git'])[1 + i % 6]],
          ${REPLIES_PER_QUESTION},
          c.starts_on + make_interval(mins => (i % ${QUESTIONS_PER_COHORT}) * 500),
          c.starts_on + make_interval(mins => (i % ${QUESTIONS_PER_COHORT}) * 500 + 90)
        FROM generate_series(${from}, ${to}) i
        JOIN numbered_cohorts c ON c.n = i / ${QUESTIONS_PER_COHORT}
        JOIN numbered_authors a ON a.n = i % ${AUTHORS}`;
    },
    replies: (part: number, parts: number) => `INSERT INTO help_replies (thread_id, author_id, body, created_at)
        SELECT t.id, a.id, 'Essaie de vérifier ' || ${filler('4 + r + (hashtext(t.id::text) & 3)')} || ' ' || ${terms('1 + (hashtext(t.id::text) & 1)')} || ' ' || ${filler('3 + r')} || '.', t.created_at + make_interval(mins => r * 20)
        FROM help_threads t, generate_series(1, ${REPLIES_PER_QUESTION}) r, numbered_authors a
        WHERE a.n = (abs(hashtext(t.id::text)) + r) % ${AUTHORS} AND abs(hashtext(t.id::text)) % ${parts} = ${part}`,
  };
}

/**
 * Creates (or reuses, when its comment names this data version) the database `name` holding
 * `posts` posts, migrated. Secondary indexes of the two post tables are dropped during the load
 * and rebuilt after: building a GIN index once is many times faster than growing it row by row.
 */
export async function searchDatabase(options: { root: string; serverUrl: string; name: string; posts: number; log: Logger; migrate: (databaseUrl: string) => Promise<void> }): Promise<string> {
  const { root, serverUrl, name, posts, log, migrate } = options;
  const version = `fabrique-bench search ${posts} ${dataVersion(root)}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  try {
    const { rows } = await server.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    if (rows[0]?.comment === version) {
      log.info(`  ${name}: reusing the ${posts.toLocaleString('en')} posts generated by an earlier run (same data version)`);
      return databaseUrl;
    }
    await server.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    await server.query(`DROP DATABASE IF EXISTS ${server.escapeIdentifier(name)}`);
    await server.query(`CREATE DATABASE ${server.escapeIdentifier(name)}`);
  } finally {
    await server.end();
  }
  await migrate(databaseUrl);
  const began = Date.now();
  const sql = generateSql(posts);
  const parts = 2; // this machine's cores
  const clients = await Promise.all(Array.from({ length: parts }, async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`SET maintenance_work_mem = '512MB'`);
    return client;
  }));
  try {
    const [main] = clients;
    const { rows: indexes } = await main.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
       WHERE i.tablename IN ('help_threads', 'help_replies')
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const index of indexes) await main.query(`DROP INDEX ${main.escapeIdentifier(index.name)}`);
    for (const client of clients) {
      for (const statement of sql.setup) {
        if (client !== main && !statement.startsWith('CREATE TEMP')) continue;
        await client.query(statement, statement.includes('$1') ? [VOCABULARY, FILLER] : []);
      }
    }
    await Promise.all(clients.map((client, part) => client.query(sql.questions(part, parts))));
    await Promise.all(clients.map((client, part) => client.query(sql.replies(part, parts))));
    log.info(`  ${name}: ${posts.toLocaleString('en')} posts written in ${((Date.now() - began) / 1000).toFixed(0)} s; rebuilding ${indexes.length} indexes…`);
    const pending = [...indexes];
    await Promise.all(clients.map(async (client) => {
      for (let index = pending.shift(); index; index = pending.shift()) await client.query(index.definition);
    }));
    await main.query('VACUUM ANALYZE help_threads');
    await main.query('VACUUM ANALYZE help_replies');
    await main.query(`COMMENT ON DATABASE ${main.escapeIdentifier(name)} IS ${main.escapeLiteral(version)}`);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
  log.info(`  ${name}: ready in ${((Date.now() - began) / 1000).toFixed(0)} s`);
  return databaseUrl;
}

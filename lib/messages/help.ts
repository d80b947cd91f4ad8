// The help of the command line (`quartiers`, `quartiers --help`,
// `quartiers <commande> --help`): what each option does, three examples,
// every exit status.

export type HelpTopic = 'general' | 'run' | 'validate' | 'verify';

const RUN_OPTIONS = `Options de run :
  --sources DOSSIER        Le dossier des sources à lire (par défaut : sources).
  --out DOSSIER            Le dossier où publier les rapports (par défaut : reports) ; il est remplacé d'un coup.
  --annee AAAA             L'année du rapport (par défaut : la dernière année présente dans les sources).
  --quartier CODE[,CODE]   Ne publier que ces quartiers (codes 2024 ou 2015, en majuscules ou minuscules).
  --tous-les-quartiers     Publier tous les quartiers trouvés (sinon ceux du référentiel ; les autres sont le contexte national).
  --formats LISTE          Ne produire que ces formats, parmi csv, md, svg, png, xlsx, html (par défaut : tous).
  --if-changed             Ne rien refaire si les sources, les options et la version sont celles de la dernière publication.
  --tout-refaire           Refaire chaque fichier, au lieu de reprendre de la dernière publication ceux dont rien n'a changé.
  --attendre[=SECONDES]    Si un autre traitement occupe le dossier de sortie, attendre sa fin (au plus 600 s, ou SECONDES).
  --log texte|json         Journal lisible sur la sortie d'erreur (texte, par défaut) ou une ligne JSON par événement sur la sortie standard.
  --quiet                  N'afficher que les avertissements et les erreurs.
  --debug                  En cas d'erreur interne, afficher sa pile pour la signaler.
`;

const VALIDATE_OPTIONS = `Options de validate :
  --sources DOSSIER        Le dossier des sources à vérifier (par défaut : sources) ; rien n'est publié.
`;

const VERIFY_OPTIONS = `Options de verifier :
  --out DOSSIER            Le dossier publié à contrôler contre son manifest.json (par défaut : reports).
`;

const EXAMPLES = `Exemples :
  quartiers run                                     La publication annuelle : toutes les sources, tous les formats, dans reports/.
  quartiers run --quartier QN06205M --out marles    Une seule commune : ses quartiers seulement, dans marles/.
  quartiers run --if-changed --attendre --log json  La tâche planifiée (cron, systemd) : ne refait rien si rien n'a changé.
`;

const EXIT = `Codes de sortie :
  0        terminé (avertissements possibles, affichés) ; pour verifier : le dossier est conforme
  1        données invalides : rien n'est publié, les rapports précédents sont intacts ;
           pour verifier : un fichier publié ne correspond plus à manifest.json
  2        erreur d'utilisation (option, année, quartier, dossier des sources introuvable)
           ou dossier de sortie impossible à écrire
  3        un autre traitement occupe le dossier de sortie
  130/143  interrompu (Ctrl-C / SIGTERM) : rien n'est publié
  70       erreur interne de l'outil, à signaler (relancer avec --debug)
`;

const USAGE = `Usage :
  quartiers run      [--sources DOSSIER] [--out DOSSIER] [--annee AAAA] [--quartier CODE[,CODE...]]
                     [--formats csv,md,svg,png,xlsx,html] [--if-changed] [--attendre[=SECONDES]]
                     [--log texte|json] [--quiet] [--debug] [--tous-les-quartiers] [--tout-refaire]
  quartiers validate [--sources DOSSIER]
  quartiers verifier [--out DOSSIER]
  quartiers <commande> --help | --version
`;

const COMMANDS = `Commandes :
  run       Lire les sources et publier les rapports (tableau, portraits, graphiques, classeurs, HTML).
  validate  Lire les sources et afficher leur rapport de qualité, sans rien publier.
  verifier  Contrôler un dossier publié contre les empreintes de son manifest.json.
  (npm run refresh : la routine annuelle, qui vérifie, archive, publie et dit ce qui a changé.)
`;

export function helpText(topic: HelpTopic): string {
  const title = 'quartiers — indicateurs de la politique de la ville\n\n';
  switch (topic) {
    case 'run':
      return `${title}quartiers run : lit les sources et publie les rapports.\n\n${RUN_OPTIONS}\n${EXAMPLES}\n${EXIT}`;
    case 'validate':
      return `${title}quartiers validate : vérifie les sources sans rien publier (codes de sortie 0, 1 ou 2).\n\n${VALIDATE_OPTIONS}\nExemple :\n  quartiers validate --sources sources\n\n${EXIT}`;
    case 'verify':
      return `${title}quartiers verifier : contrôle un dossier publié (codes de sortie 0, 1 ou 2).\n\n${VERIFY_OPTIONS}\nExemple :\n  quartiers verifier --out reports\n\n${EXIT}`;
    default:
      return `${title}${USAGE}\n${COMMANDS}\n${RUN_OPTIONS}\n${VALIDATE_OPTIONS}\n${VERIFY_OPTIONS}\n${EXAMPLES}\n${EXIT}`;
  }
}

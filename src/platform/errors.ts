/**
 * Typed application errors: one stable id per failure a user can meet,
 * each with its HTTP status and its French message. Modules throw these;
 * routes and the CLI translate them, never the other way round.
 */
export const errorCatalog = {
  validation: { status: 400, message: "Certaines informations sont incorrectes. Corrigez les champs signalés." },
  unauthenticated: { status: 401, message: "Connectez-vous pour accéder à cette page." },
  forbidden: { status: 403, message: "Vous n'avez pas les droits nécessaires pour cette action." },
  not_found: { status: 404, message: "Cette page ou cet élément n'existe pas." },
  territory_required: { status: 400, message: "Le territoire n'est pas précisé : ouvrez cette page depuis l'espace de votre territoire." },
  slug_taken: { status: 409, message: "Cette adresse de territoire est déjà utilisée. Choisissez-en une autre." },
  email_taken: { status: 409, message: "Un compte existe déjà avec cette adresse électronique." },
  already_member: { status: 409, message: "Cette personne fait déjà partie du territoire." },
  invitation_expired: { status: 410, message: "Cette invitation a expiré. Demandez-en une nouvelle à la personne qui coordonne le territoire." },
  invitation_used: { status: 409, message: "Cette invitation a déjà été utilisée." },
  invitation_revoked: { status: 410, message: "Cette invitation a été annulée." },
  last_coordinator: { status: 409, message: "Un territoire doit garder au moins une personne coordinatrice." },
  rate_limited: { status: 429, message: "Trop de tentatives. Patientez quelques minutes avant de réessayer." },
  csrf: { status: 403, message: "Requête refusée : elle ne provient pas de ce site." },
  database_locked: { status: 503, message: "La base de données embarquée est déjà utilisée par un autre processus." },
  invalid_credentials: { status: 401, message: "Adresse électronique ou mot de passe incorrect. Si vous venez de créer votre compte, ouvrez d'abord le lien reçu par courriel pour l'activer." },
  invalid_token: { status: 400, message: "Ce lien n'est plus valable. Demandez-en un nouveau." },
  answers_exist: { status: 409, message: "Des réponses ont déjà été reçues : ce changement les rendrait fausses. Vous pouvez modifier les libellés, ajouter des questions facultatives, ou copier le questionnaire pour en faire une nouvelle version." },
  campaign_closed: { status: 410, message: "Ce questionnaire n'accepte pas de réponses en ce moment." },
  edit_conflict: { status: 409, message: "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. Rechargez la page pour voir la nouvelle version, puis refaites vos changements." },
  file_busy: { status: 409, message: "Un fichier est déjà en cours de lecture pour ce territoire : attendez la fin de sa vérification." },
  server_busy: { status: 503, message: "Le serveur lit déjà plusieurs fichiers : réessayez dans une minute." },
  file_refused: { status: 400, message: "Ce fichier ne peut pas être lu : rien n'a été enregistré." },
  uploads_full: { status: 409, message: "Trop de fichiers déposés attendent d'être importés pour ce territoire. Importez ou abandonnez ceux en cours, ou réessayez dans une heure." },
  import_running: { status: 409, message: "Un import de lieux est déjà en cours pour ce territoire. Attendez qu'il se termine avant d'en lancer un autre." },
  plan_frozen: { status: 409, message: "Cette version du plan est figée : elle ne change plus. Ouvrez une nouvelle version pour la modifier." },
  // The command passes a message naming what still uses the record (the list), e.g. the actions an objective justifies.
  still_used: { status: 409, message: "Cet élément est encore utilisé ailleurs : retirez d'abord ces liens, puis recommencez." },
  // Funding (issue 12): the shipped reference list is the same for every territory; a territory adds deadlines and local sources.
  reference_source_readonly: { status: 409, message: "Cette source fait partie de la liste de référence livrée avec Maillage : elle ne se modifie pas ici. Ajoutez-lui des échéances, ou créez une source locale." },
  minutes_approved: { status: 409, message: "Ce compte rendu est approuvé : il ne change plus. La personne qui anime le groupe peut le rouvrir ; il devra alors être approuvé de nouveau." },
  already_in_group: { status: 409, message: "Cette personne ou cette structure fait déjà partie du groupe." },
  proposal_converted: { status: 409, message: "Cette proposition est déjà devenue une action du plan." },
  meeting_cancelled: { status: 409, message: "Cette réunion est annulée : elle ne se modifie plus. Prévoyez-en une nouvelle si besoin." },
  meeting_minutes_approved: { status: 409, message: "Le compte rendu de cette réunion est approuvé : la réunion ne se modifie plus et ne s'annule plus. Rouvrez le compte rendu pour la corriger." },
  charter_frozen: { status: 409, message: "Cette version de la charte est soumise à signature ou signée : elle ne peut plus changer. Ouvrez une nouvelle version pour la modifier." },
  charter_exists: { status: 409, message: "Ce territoire a déjà une charte d'engagements." },
  charter_draft_open: { status: 409, message: "Une version en brouillon de la charte est déjà ouverte : modifiez-la." },
  charter_partner_committed: { status: 409, message: "Cette structure a des engagements dans une version soumise ou signée de la charte : elle ne peut pas en être retirée." },
  charter_incomplete: { status: 422, message: "La charte ne peut pas encore être soumise à signature." },
  // Signatures (issue 13): the version signed must be the one read; each partner signs once.
  charter_changed: { status: 409, message: "La charte a changé depuis que vous l'avez ouverte : voici la version actuelle. Relisez-la avant de signer." },
  already_signed: { status: 409, message: "Cette structure a déjà signé cette version : une signature ne se refait pas et ne s'efface pas." },
  not_signable: { status: 409, message: "Cette version n'est pas soumise à signature : elle est encore en brouillon, déjà signée par tous, ou remplacée par une version plus récente." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorId = keyof typeof errorCatalog;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly id: ErrorId;
  readonly status: number;
  readonly fieldErrors: FieldErrors | undefined;

  constructor(id: ErrorId, options: { message?: string; fieldErrors?: FieldErrors; cause?: unknown } = {}) {
    super(options.message ?? errorCatalog[id].message, { cause: options.cause });
    this.id = id;
    this.status = errorCatalog[id].status;
    this.fieldErrors = options.fieldErrors;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Shape sent back to forms (server actions) and JSON clients alike. */
export type ErrorPayload = { error: ErrorId; status: number; message: string; fieldErrors?: FieldErrors };

export function toPayload(e: AppError): ErrorPayload {
  return { error: e.id, status: e.status, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
}

/**
 * The unit's survey settings as the phone's config carries them. The questions themselves — which
 * steps, in which order, what each answer writes — are the domain's survey flow
 * (packages/domain/src/survey-flow.ts), shared with the tablet.
 */
export type { SurveySettingsValue as SurveySettings } from '@hailong/domain';

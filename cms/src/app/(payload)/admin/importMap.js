import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LiveStateField as LiveStateField_94621f6d8f1d66a331772d43fdf5feca } from '../../../components/LiveStateField'
import { AffectedBookingsPanel as AffectedBookingsPanel_c7dc1484f3be2c6ea3b9c1c81c818eb3 } from '../../../components/AffectedBookingsPanel'
import { StaffDateCell as StaffDateCell_bd5a8d3041abaa3c06a440317acdf377 } from '../../../components/StaffDateCell'
import { FillQuarterlyReportButton as FillQuarterlyReportButton_b06558257ba25fe2d865b0e19e97ae16 } from '../../../components/FillQuarterlyReportButton'
import { StaffDateField as StaffDateField_463909922d098d24ffa836d30c6ca522 } from '../../../components/StaffDateField'
import { QuestionnaireResults as QuestionnaireResults_c9537922bb9997b00d92049ab3871bf4 } from '../../../components/QuestionnaireResults'
import { ReadOnlyJson as ReadOnlyJson_46f39c47449e45bec5af0b1b44858ee2 } from '../../../components/ReadOnlyJson'
import { ForumStaffAnswer as ForumStaffAnswer_70042c0ded356ceed3707fa8282eb6ce } from '../../../components/ForumStaffAnswer'
import { ForumFaqDraftButton as ForumFaqDraftButton_b6dedf6a4e842cce7e9ea944404ff105 } from '../../../components/ForumFaqDraftButton'
import { AppealOverview as AppealOverview_8e1a73ca962818099fadcec90f77022d } from '../../../components/AppealOverview'
import { AppealWorkflow as AppealWorkflow_5323df28f67615c4cb582aef6087df55 } from '../../../components/AppealWorkflow'
import { ComplaintSummaryAction as ComplaintSummaryAction_f398ec91a239a055914ff881eb6a3967 } from '../../../components/ComplaintSummaryAction'
import { NotInForm as NotInForm_eb86aec45645ac689909a45aea1f1da5 } from '../../../components/NotInForm'
import { DeadlineCell as DeadlineCell_1c4036e8f163da8f35f673358f6683bc } from '../../../components/DeadlineCell'
import { AssigneeCell as AssigneeCell_12a4c9886697fdb418aed1243f74e10b } from '../../../components/AppealQueueCells'
import { TerritoryCell as TerritoryCell_12a4c9886697fdb418aed1243f74e10b } from '../../../components/AppealQueueCells'
import { ApplicantCell as ApplicantCell_12a4c9886697fdb418aed1243f74e10b } from '../../../components/AppealQueueCells'
import { HandlerGroupCell as HandlerGroupCell_12a4c9886697fdb418aed1243f74e10b } from '../../../components/AppealQueueCells'
import { RegisterAppealAction as RegisterAppealAction_5fa6f1ca4f7501e09defe539cb9ca932 } from '../../../components/RegisterAppealAction'
import { AppealQueueFilters as AppealQueueFilters_edcffe1eff4785a8fa2d2a35b10e5d76 } from '../../../components/AppealQueueFilters'
import { CurrentPasswordField as CurrentPasswordField_28d17a3fb57fcfdd84576cae29621dd2 } from '../../../components/CurrentPasswordField'
import { CreateFaqDraftButton as CreateFaqDraftButton_f7f76ed23ab77cca47eac1cd7cfe2040 } from '../../../components/CreateFaqDraftButton'
import { CampaignMonitor as CampaignMonitor_1f2e512039a9bff390dc08c399d03fe3 } from '../../../components/CampaignMonitor'
import { AppealsReportNavLink as AppealsReportNavLink_ddacb4dd23028ccef82e9094758d8769 } from '../../../components/AppealsReportNavLink'
import { ChatConsoleNavLink as ChatConsoleNavLink_59c45e12fcde5dff0e8a680efc63c0ea } from '../../../components/ChatConsoleNavLink'
import { BookingNavLinks as BookingNavLinks_2ae741b5d041fa37c9e6d1b5eb87cebe } from '../../../components/BookingNavLinks'
import { ModerationNavLink as ModerationNavLink_708787105e8d68fbc2a12fb4191c6aaa } from '../../../components/ModerationNavLink'
import { WorkOverview as WorkOverview_86675f123088691dc1bd45350c20008f } from '../../../components/WorkOverview'
import { SiteBuildStatus as SiteBuildStatus_22ed97a305e37e4dddb8d93e0889a36a } from '../../../components/SiteBuildStatus'
import { BackupStatus as BackupStatus_084e97d75b8814ba72077ac0581b8c26 } from '../../../components/BackupStatus'
import { ReviewOverdue as ReviewOverdue_58d462a6be399d5bf665ef9df7baca52 } from '../../../components/ReviewOverdue'
import { PublishingReport as PublishingReport_ecaf0e003af773d2ef70764b5d9d359e } from '../../../components/PublishingReport'
import { AlertSubscriberCounts as AlertSubscriberCounts_490dedd87b2451e65681e944f60c8298 } from '../../../components/AlertSubscriberCounts'
import { AppealsReportView as AppealsReportView_5c59a41c84486b6099afdfb5a3150dd1 } from '../../../components/AppealsReportView'
import { ChatConsoleView as ChatConsoleView_b224f95074780a7f3005cbf6eac87083 } from '../../../components/ChatConsoleView'
import { BookingDayView as BookingDayView_2ca4dac3415e00f5772ac06102f8ebbe } from '../../../components/BookingDayView'
import { AffectedBookingsView as AffectedBookingsView_d1772d2f94424fd22f9e06d612a0e1ef } from '../../../components/AffectedBookingsView'
import { BookingReportView as BookingReportView_38059841bed8d13b6a56424b704939c9 } from '../../../components/BookingReportView'
import { ModerationView as ModerationView_4416ab8b2b193d424ffd03f554d29c81 } from '../../../components/ModerationView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/LiveStateField#LiveStateField": LiveStateField_94621f6d8f1d66a331772d43fdf5feca,
  "/components/AffectedBookingsPanel#AffectedBookingsPanel": AffectedBookingsPanel_c7dc1484f3be2c6ea3b9c1c81c818eb3,
  "/components/StaffDateCell#StaffDateCell": StaffDateCell_bd5a8d3041abaa3c06a440317acdf377,
  "/components/FillQuarterlyReportButton#FillQuarterlyReportButton": FillQuarterlyReportButton_b06558257ba25fe2d865b0e19e97ae16,
  "/components/StaffDateField#StaffDateField": StaffDateField_463909922d098d24ffa836d30c6ca522,
  "/components/QuestionnaireResults#QuestionnaireResults": QuestionnaireResults_c9537922bb9997b00d92049ab3871bf4,
  "/components/ReadOnlyJson#ReadOnlyJson": ReadOnlyJson_46f39c47449e45bec5af0b1b44858ee2,
  "/components/ForumStaffAnswer#ForumStaffAnswer": ForumStaffAnswer_70042c0ded356ceed3707fa8282eb6ce,
  "/components/ForumFaqDraftButton#ForumFaqDraftButton": ForumFaqDraftButton_b6dedf6a4e842cce7e9ea944404ff105,
  "/components/AppealOverview#AppealOverview": AppealOverview_8e1a73ca962818099fadcec90f77022d,
  "/components/AppealWorkflow#AppealWorkflow": AppealWorkflow_5323df28f67615c4cb582aef6087df55,
  "/components/ComplaintSummaryAction#ComplaintSummaryAction": ComplaintSummaryAction_f398ec91a239a055914ff881eb6a3967,
  "/components/NotInForm#NotInForm": NotInForm_eb86aec45645ac689909a45aea1f1da5,
  "/components/DeadlineCell#DeadlineCell": DeadlineCell_1c4036e8f163da8f35f673358f6683bc,
  "/components/AppealQueueCells#AssigneeCell": AssigneeCell_12a4c9886697fdb418aed1243f74e10b,
  "/components/AppealQueueCells#TerritoryCell": TerritoryCell_12a4c9886697fdb418aed1243f74e10b,
  "/components/AppealQueueCells#ApplicantCell": ApplicantCell_12a4c9886697fdb418aed1243f74e10b,
  "/components/AppealQueueCells#HandlerGroupCell": HandlerGroupCell_12a4c9886697fdb418aed1243f74e10b,
  "/components/RegisterAppealAction#RegisterAppealAction": RegisterAppealAction_5fa6f1ca4f7501e09defe539cb9ca932,
  "/components/AppealQueueFilters#AppealQueueFilters": AppealQueueFilters_edcffe1eff4785a8fa2d2a35b10e5d76,
  "/components/CurrentPasswordField#CurrentPasswordField": CurrentPasswordField_28d17a3fb57fcfdd84576cae29621dd2,
  "/components/CreateFaqDraftButton#CreateFaqDraftButton": CreateFaqDraftButton_f7f76ed23ab77cca47eac1cd7cfe2040,
  "/components/CampaignMonitor#CampaignMonitor": CampaignMonitor_1f2e512039a9bff390dc08c399d03fe3,
  "/components/AppealsReportNavLink#AppealsReportNavLink": AppealsReportNavLink_ddacb4dd23028ccef82e9094758d8769,
  "/components/ChatConsoleNavLink#ChatConsoleNavLink": ChatConsoleNavLink_59c45e12fcde5dff0e8a680efc63c0ea,
  "/components/BookingNavLinks#BookingNavLinks": BookingNavLinks_2ae741b5d041fa37c9e6d1b5eb87cebe,
  "/components/ModerationNavLink#ModerationNavLink": ModerationNavLink_708787105e8d68fbc2a12fb4191c6aaa,
  "/components/WorkOverview#WorkOverview": WorkOverview_86675f123088691dc1bd45350c20008f,
  "/components/SiteBuildStatus#SiteBuildStatus": SiteBuildStatus_22ed97a305e37e4dddb8d93e0889a36a,
  "/components/BackupStatus#BackupStatus": BackupStatus_084e97d75b8814ba72077ac0581b8c26,
  "/components/ReviewOverdue#ReviewOverdue": ReviewOverdue_58d462a6be399d5bf665ef9df7baca52,
  "/components/PublishingReport#PublishingReport": PublishingReport_ecaf0e003af773d2ef70764b5d9d359e,
  "/components/AlertSubscriberCounts#AlertSubscriberCounts": AlertSubscriberCounts_490dedd87b2451e65681e944f60c8298,
  "/components/AppealsReportView#AppealsReportView": AppealsReportView_5c59a41c84486b6099afdfb5a3150dd1,
  "/components/ChatConsoleView#ChatConsoleView": ChatConsoleView_b224f95074780a7f3005cbf6eac87083,
  "/components/BookingDayView#BookingDayView": BookingDayView_2ca4dac3415e00f5772ac06102f8ebbe,
  "/components/AffectedBookingsView#AffectedBookingsView": AffectedBookingsView_d1772d2f94424fd22f9e06d612a0e1ef,
  "/components/BookingReportView#BookingReportView": BookingReportView_38059841bed8d13b6a56424b704939c9,
  "/components/ModerationView#ModerationView": ModerationView_4416ab8b2b193d424ffd03f554d29c81,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}

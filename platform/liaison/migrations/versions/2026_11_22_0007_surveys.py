"""surveys, questions, responses and member links

Revision ID: 0007_surveys
Revises: 0006_waivers
Create Date: 2026-11-22 15:30:00
"""

import sqlalchemy as sa
from alembic import op

import liaison.extensions
from liaison.migrations_support import enable_tenant_rls

revision = '0007_surveys'
down_revision = '0006_waivers'
branch_labels = None
depends_on = None


TABLES = ('surveys', 'survey_member_links', 'survey_questions', 'survey_responses', 'survey_options', 'survey_answers')


def upgrade():
    op.create_table('surveys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title_en', sa.String(length=200), nullable=False),
    sa.Column('title_es', sa.String(length=200), nullable=False),
    sa.Column('audience', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=True),
    sa.Column('closes_on', sa.Date(), nullable=True),
    sa.Column('public_token', sa.String(length=32), nullable=False),
    sa.Column('min_group_size', sa.Integer(), nullable=False),
    sa.Column('neighbourhoods', sa.Text(), nullable=False),
    sa.Column('policy_id', sa.Integer(), nullable=True),
    sa.Column('obligation_id', sa.String(length=80), nullable=False),
    sa.Column('topics', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', liaison.extensions.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id', 'policy_id'], ['policies.agency_id', 'policies.id'], name=op.f('fk_surveys_agency_id_policy_id_policies'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_surveys_agency_id_agencies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_surveys_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_surveys')),
    sa.UniqueConstraint('agency_id', 'id', name=op.f('uq_surveys_agency_id_id')),
    sa.UniqueConstraint('agency_id', 'public_token', name=op.f('uq_surveys_agency_id_public_token'))
    )
    op.create_table('survey_member_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('used', sa.Boolean(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id', 'survey_id'], ['surveys.agency_id', 'surveys.id'], name=op.f('fk_survey_member_links_agency_id_survey_id_surveys'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_survey_member_links_agency_id_agencies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_survey_member_links_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_member_links')),
    sa.UniqueConstraint('agency_id', 'id', name=op.f('uq_survey_member_links_agency_id_id')),
    sa.UniqueConstraint('agency_id', 'survey_id', 'user_id', name=op.f('uq_survey_member_links_agency_id_survey_id_user_id')),
    sa.UniqueConstraint('agency_id', 'token_hash', name=op.f('uq_survey_member_links_agency_id_token_hash'))
    )
    op.create_table('survey_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('text_en', sa.String(length=500), nullable=False),
    sa.Column('text_es', sa.String(length=500), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('topic', sa.String(length=40), nullable=False),
    sa.Column('bank_key', sa.String(length=60), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id', 'survey_id'], ['surveys.agency_id', 'surveys.id'], name=op.f('fk_survey_questions_agency_id_survey_id_surveys'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_survey_questions_agency_id_agencies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_questions')),
    sa.UniqueConstraint('agency_id', 'id', name=op.f('uq_survey_questions_agency_id_id'))
    )
    op.create_index('ix_survey_questions_agency_id_survey_id', 'survey_questions', ['agency_id', 'survey_id'], unique=False)
    op.create_table('survey_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('submission_token', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('neighbourhood', sa.String(length=120), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id', 'survey_id'], ['surveys.agency_id', 'surveys.id'], name=op.f('fk_survey_responses_agency_id_survey_id_surveys'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_survey_responses_agency_id_agencies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_responses')),
    sa.UniqueConstraint('agency_id', 'id', name=op.f('uq_survey_responses_agency_id_id')),
    sa.UniqueConstraint('agency_id', 'survey_id', 'submission_token', name=op.f('uq_survey_responses_agency_id_survey_id_submission_token'))
    )
    op.create_table('survey_options',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text_en', sa.String(length=200), nullable=False),
    sa.Column('text_es', sa.String(length=200), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id', 'question_id'], ['survey_questions.agency_id', 'survey_questions.id'], name=op.f('fk_survey_options_agency_id_question_id_survey_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_survey_options_agency_id_agencies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_options')),
    sa.UniqueConstraint('agency_id', 'id', name=op.f('uq_survey_options_agency_id_id'))
    )
    op.create_index('ix_survey_options_agency_id_question_id', 'survey_options', ['agency_id', 'question_id'], unique=False)
    op.create_table('survey_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=True),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id', 'option_id'], ['survey_options.agency_id', 'survey_options.id'], name=op.f('fk_survey_answers_agency_id_option_id_survey_options'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['agency_id', 'question_id'], ['survey_questions.agency_id', 'survey_questions.id'], name=op.f('fk_survey_answers_agency_id_question_id_survey_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['agency_id', 'response_id'], ['survey_responses.agency_id', 'survey_responses.id'], name=op.f('fk_survey_answers_agency_id_response_id_survey_responses'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_survey_answers_agency_id_agencies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_answers')),
    sa.UniqueConstraint('agency_id', 'id', name=op.f('uq_survey_answers_agency_id_id'))
    )
    op.create_index('ix_survey_answers_agency_id_question_id', 'survey_answers', ['agency_id', 'question_id'], unique=False)
    op.create_index('ix_survey_answers_agency_id_response_id', 'survey_answers', ['agency_id', 'response_id'], unique=False)
    for table in TABLES:
        enable_tenant_rls(table)


def downgrade():
    op.drop_index('ix_survey_answers_agency_id_response_id', table_name='survey_answers')
    op.drop_index('ix_survey_answers_agency_id_question_id', table_name='survey_answers')
    op.drop_table('survey_answers')
    op.drop_index('ix_survey_options_agency_id_question_id', table_name='survey_options')
    op.drop_table('survey_options')
    op.drop_table('survey_responses')
    op.drop_index('ix_survey_questions_agency_id_survey_id', table_name='survey_questions')
    op.drop_table('survey_questions')
    op.drop_table('survey_member_links')
    op.drop_table('surveys')

"""Staff console pages for surveys: the coordinator and the agency admin build, open,
distribute and close surveys; the chief reads them and their results."""

from __future__ import annotations

import io

import segno
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from liaison import clock
from liaison.capability import console_blueprint
from liaison.extensions import db
from liaison.forms import ConfirmForm
from liaison.jobs import enqueue_after_commit
from liaison.jobs.urls import external_url
from liaison.request_helpers import current_agency, has_role, load_or_404, require_role
from liaison.storage import serves_file
from tenants import roles

from . import (
    builder,
    jobs,
    lifecycle,
    members,
    question_bank,
)
from .builder import SurveyError
from .forms import (
    AUDIENCE_LABELS,
    KIND_LABELS,
    BankQuestionForm,
    MoveForm,
    NewSurveyForm,
    QuestionForm,
    SurveySettingsForm,
)
from .models import COMMUNITY, DRAFT, MEMBERS, OPEN, Survey, SurveyQuestion

bp = console_blueprint("surveys", __name__)

BUILDERS = (roles.COORDINATOR, roles.AGENCY_ADMIN)
READERS = (*BUILDERS, roles.CHIEF)


def _survey(survey_id: int) -> Survey:
    return load_or_404(Survey, survey_id)


def _question(survey: Survey, question_id: int) -> SurveyQuestion:
    question = load_or_404(SurveyQuestion, question_id)
    if question.survey_id != survey.id:
        abort(404)
    return question


def _settings_values(form: SurveySettingsForm) -> dict:
    return {
        "title_en": form.title_en.data,
        "title_es": form.title_es.data or "",
        "audience": form.audience.data,
        "opens_on": form.opens_on.data,
        "closes_on": form.closes_on.data,
        "neighbourhoods": form.neighbourhoods.data or "",
        "min_group_size": form.min_group_size.data,
    }


@bp.context_processor
def _survey_labels():
    return {"audience_label": AUDIENCE_LABELS.get, "question_kind_label": KIND_LABELS.get}


@bp.get("/surveys")
@require_role(*READERS)
def survey_list():
    surveys = db.session.scalars(select(Survey).order_by(Survey.id.desc())).all()
    return render_template(
        "surveys/list.html",
        surveys=surveys,
        can_build=has_role(*BUILDERS),
        today=clock.today(current_agency()),
    )


@bp.route("/surveys/new", methods=["GET", "POST"])
@require_role(*BUILDERS)
def survey_new():
    start = builder.starting_point()
    form = NewSurveyForm()
    form.bank_keys.choices = [
        SelectChoice(q.key, q.en) for _, t in start.topics for q in t.questions
    ]
    if request.method == "GET":
        form.audience.data = start.audiences[0]
        form.bank_keys.data = start.default_bank_keys
    if form.validate_on_submit():
        values = _settings_values(form)
        survey = builder.new_survey(
            values["title_en"], values["title_es"], values["audience"], values["opens_on"],
            values["closes_on"], form.bank_keys.data or [], current_user.id, start,
        )  # fmt: skip
        survey.min_group_size = values["min_group_size"]
        if values["neighbourhoods"]:
            survey.neighbourhoods = values["neighbourhoods"]
        flash("Survey created as a draft.", "success")
        return redirect(url_for(".survey_detail", survey_id=survey.id))
    return render_template("surveys/new.html", form=form, start=start)


def _detail(survey: Survey, status: int = 200, **forms):
    settings = forms.get("settings") or SurveySettingsForm(obj=survey)
    if not has_role(*BUILDERS) or survey.status != DRAFT:
        settings.audience.render_kw = {"disabled": True}
    questions = builder.questions_of(survey)
    present = {q.bank_key for q in questions}
    bank = [(phrase, topic, [q for q in topic.questions if q.key not in present])
            for phrase, topic in question_bank.topics_for(survey.topic_list)]  # fmt: skip
    page = render_template(
        "surveys/detail.html",
        survey=survey,
        questions=questions,
        options=builder.options_by_question(survey),
        settings_form=settings,
        question_form=forms.get("question") or QuestionForm(),
        bank=bank,
        can_build=has_role(*BUILDERS),
        confirm=ConfirmForm(),
        problems=forms.get("problems") or [],
        missing=lifecycle.missing_texts(survey, lifecycle.survey_languages(current_agency())),
    )
    return page, status


@bp.get("/surveys/<int:survey_id>")
@require_role(*READERS)
def survey_detail(survey_id: int):
    return _detail(_survey(survey_id))


@bp.post("/surveys/<int:survey_id>/settings")
@require_role(*BUILDERS)
def survey_settings(survey_id: int):
    survey = _survey(survey_id)
    form = SurveySettingsForm()
    if survey.status != DRAFT:
        form.audience.data = survey.audience
    if not form.validate_on_submit():
        return _detail(survey, 422, settings=form)
    try:
        builder.update_settings(survey, **_settings_values(form))
    except SurveyError as exc:
        form.form_errors.append(str(exc))
        return _detail(survey, 422, settings=form)
    flash("Survey saved.", "success")
    return redirect(url_for(".survey_detail", survey_id=survey.id))


@bp.post("/surveys/<int:survey_id>/questions")
@require_role(*BUILDERS)
def question_add(survey_id: int):
    survey = _survey(survey_id)
    form = QuestionForm()
    if not form.validate_on_submit():
        return _detail(survey, 422, question=form)
    try:
        builder.add_question(
            survey, form.kind.data, form.text_en.data, form.text_es.data, form.required.data,
            builder.parse_options(form.options_en.data, form.options_es.data),
        )  # fmt: skip
    except SurveyError as exc:
        form.form_errors.append(str(exc))
        return _detail(survey, 422, question=form)
    flash("Question added.", "success")
    return redirect(url_for(".survey_detail", survey_id=survey.id, _anchor="questions"))


@bp.post("/surveys/<int:survey_id>/bank")
@require_role(*BUILDERS)
def bank_add(survey_id: int):
    survey = _survey(survey_id)
    form = BankQuestionForm()
    try:
        if not form.validate_on_submit():
            raise SurveyError("Choose a question from the bank.")
        builder.add_bank_question(survey, form.key.data)
    except SurveyError as exc:
        flash(str(exc), "error")
    else:
        flash("Question added from the bank.", "success")
    return redirect(url_for(".survey_detail", survey_id=survey.id, _anchor="questions"))


@bp.route("/surveys/<int:survey_id>/questions/<int:question_id>", methods=["GET", "POST"])
@require_role(*BUILDERS)
def question_edit(survey_id: int, question_id: int):
    survey = _survey(survey_id)
    question = _question(survey, question_id)
    options = builder.options_by_question(survey).get(question.id, [])
    form = QuestionForm(obj=question)
    form.kind.data = question.kind
    if request.method == "GET":
        form.options_en.data = "\n".join(o.text_en for o in options)
        form.options_es.data = "\n".join(o.text_es for o in options)
    if form.validate_on_submit():
        try:
            builder.update_question(
                question, survey, form.text_en.data, form.text_es.data, form.required.data,
                builder.parse_options(form.options_en.data, form.options_es.data),
            )  # fmt: skip
        except SurveyError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Question saved.", "success")
            return redirect(url_for(".survey_detail", survey_id=survey.id, _anchor="questions"))
    status = 422 if request.method == "POST" else 200
    page = render_template("surveys/question.html", survey=survey, question=question, form=form)
    return page, status


def _draft_change(survey_id: int, question_id: int, change, done: str):
    survey = _survey(survey_id)
    question = _question(survey, question_id)
    try:
        change(survey, question)
    except SurveyError as exc:
        flash(str(exc), "error")
    else:
        flash(done, "success")
    return redirect(url_for(".survey_detail", survey_id=survey.id, _anchor="questions"))


@bp.post("/surveys/<int:survey_id>/questions/<int:question_id>/move")
@require_role(*BUILDERS)
def question_move(survey_id: int, question_id: int):
    def move(survey, question):
        form = MoveForm()
        if not form.validate_on_submit():
            raise SurveyError("Move the question up or down.")
        builder.move_question(question, survey, -1 if form.direction.data == "up" else 1)

    return _draft_change(survey_id, question_id, move, "Question moved.")


@bp.post("/surveys/<int:survey_id>/questions/<int:question_id>/remove")
@require_role(*BUILDERS)
def question_remove(survey_id: int, question_id: int):
    def remove(survey, question):
        if not ConfirmForm().validate_on_submit():
            raise SurveyError("The form expired; try again.")
        builder.remove_question(question, survey)

    return _draft_change(survey_id, question_id, remove, "Question removed.")


@bp.post("/surveys/<int:survey_id>/open")
@require_role(*BUILDERS)
def survey_open(survey_id: int):
    survey = _survey(survey_id)
    try:
        if not ConfirmForm().validate_on_submit():
            raise SurveyError("The form expired; try again.")
        languages = lifecycle.survey_languages(current_agency())
        lifecycle.open_survey(survey, languages, current_user.id, clock.today(current_agency()))
    except SurveyError as exc:
        return _detail(survey, 422, problems=[str(exc), *exc.problems])
    flash("The survey is open.", "success")
    return redirect(url_for(".survey_distribute", survey_id=survey.id))


@bp.post("/surveys/<int:survey_id>/close")
@require_role(*BUILDERS)
def survey_close(survey_id: int):
    survey = _survey(survey_id)
    try:
        if not ConfirmForm().validate_on_submit():
            raise SurveyError("The form expired; try again.")
        entry = lifecycle.close_survey(survey, current_user.id, clock.today(current_agency()))
    except SurveyError as exc:
        flash(str(exc), "error")
    else:
        done = f" The duty “{entry.summary}” is marked done." if entry is not None else ""
        flash(f"The survey is closed.{done}", "success")
    return redirect(url_for(".survey_results", survey_id=survey.id))


@bp.post("/surveys/<int:survey_id>/send")
@require_role(*BUILDERS)
def survey_send_members(survey_id: int):
    survey = _survey(survey_id)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
    elif survey.audience != MEMBERS or survey.status != OPEN:
        flash("Only an open member survey can be sent to members.", "error")
    else:
        agency_id = current_agency().id
        ids = members.member_ids(agency_id)
        for user_id in ids:
            enqueue_after_commit(jobs.send_member_link, survey.id, user_id, agency_id=agency_id)
        flash(f"Sending a personal link to {len(ids)} members (those who have one already "
              "are skipped).", "success")  # fmt: skip
    return redirect(url_for(".survey_distribute", survey_id=survey.id))


def _public_link(survey: Survey) -> str:
    return external_url(
        "surveys_public.answer", agency_slug=current_agency().slug, survey_token=survey.public_token
    )


@bp.get("/surveys/<int:survey_id>/distribute")
@require_role(*READERS)
def survey_distribute(survey_id: int):
    survey = _survey(survey_id)
    return render_template(
        "surveys/distribute.html",
        survey=survey,
        link=_public_link(survey),
        counts=members.answered_counts(survey),
        confirm=ConfirmForm(),
        can_build=has_role(*BUILDERS),
        languages=lifecycle.survey_languages(current_agency()),
    )


@bp.get("/surveys/<int:survey_id>/qr.<any(svg, png):kind>")
@require_role(*READERS)
@serves_file(follows="console.surveys.survey_distribute")
def survey_qr(survey_id: int, kind: str):
    """The public link as a QR code, for the water-bill insert and forum handouts."""
    survey = _survey(survey_id)
    if survey.audience != COMMUNITY:
        abort(404)
    out = io.BytesIO()
    code = segno.make(_public_link(survey), error="m")
    code.save(
        out, kind=kind, scale=10, border=4, **({"title": survey.title_en} if kind == "svg" else {})
    )
    mimetype = "image/svg+xml" if kind == "svg" else "image/png"
    return Response(out.getvalue(), mimetype=mimetype)

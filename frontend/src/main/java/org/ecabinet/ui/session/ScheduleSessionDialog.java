package org.ecabinet.ui.session;

import java.time.LocalDateTime;
import java.util.function.Function;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Pickers;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.session.SessionModels.Schedule;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;

/**
 * "Schedule a session": kind, title, date and time in Hanoi time, place or online link. The form is bound
 * to a {@link Schedule}; {@code scheduled} sends it and returns the new session's id.
 */
class ScheduleSessionDialog extends Dialog {

    final TextField title = new TextField();
    final RadioButtonGroup<String> kind = new RadioButtonGroup<>();
    final DateTimePicker startsAt = new DateTimePicker();
    final TextField location = new TextField();
    final Checkbox online = new Checkbox();
    private final Binder<Schedule> binder = new Binder<>(Schedule.class);

    ScheduleSessionDialog(Function<Schedule, String> scheduled) {
        setHeaderTitle(getTranslation("schedule.heading"));
        title.setId("schedule-title");
        title.setLabel(getTranslation("schedule.title"));
        title.setMaxLength(300);
        kind.setId("schedule-kind");
        kind.setLabel(getTranslation("schedule.kind"));
        kind.setItems("REGULAR", "THEMATIC", "EXTRAORDINARY");
        kind.setItemLabelGenerator(k -> getTranslation("session.kind." + k));
        startsAt.setId("schedule-starts-at");
        startsAt.setLabel(getTranslation("schedule.startsAt"));
        startsAt.setHelperText(getTranslation("schedule.hanoiTime"));
        startsAt.setMin(LocalDateTime.now(Formats.HANOI));
        startsAt.setStep(java.time.Duration.ofMinutes(15));
        Pickers.localise(startsAt); // dd/MM/yyyy and Vietnamese names, whatever the browser's own language
        location.setId("schedule-location");
        location.setLabel(getTranslation("schedule.location"));
        location.setMaxLength(300);
        online.setId("schedule-online");
        online.setLabel(getTranslation("schedule.online"));

        binder.forField(title).asRequired(getTranslation("form.required")).bind("title");
        binder.forField(kind).asRequired(getTranslation("form.required")).bind("kind");
        binder.forField(startsAt).asRequired(getTranslation("form.required"))
                .withValidator(t -> t.isAfter(LocalDateTime.now(Formats.HANOI)), getTranslation("schedule.inFuture")).bind("startsAt");
        binder.forField(location).bind("location");
        binder.forField(online).bind("online");
        binder.readBean(new Schedule("", "REGULAR", LocalDateTime.now(Formats.HANOI).plusDays(7).withHour(8).withMinute(0).withSecond(0).withNano(0),
                getTranslation("schedule.defaultLocation"), false));

        FormLayout form = new FormLayout(title, kind, startsAt, location, online);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(title, 2);
        add(form);

        Button save = new Button(getTranslation("schedule.save"), click -> {
            try {
                Schedule schedule = binder.writeRecord();
                scheduled.apply(schedule);
                Feedback.success(getTranslation("schedule.saved"));
                close();
            } catch (ValidationException invalid) {
                // the fields say what is missing
            } catch (BackendApi.BackendException refused) {
                Feedback.error(Feedback.explain(refused));
            }
        });
        save.setId("schedule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("form.cancel"), click -> close());
        getFooter().add(cancel, save);
        setWidth("min(42rem, 100vw)");
    }
}

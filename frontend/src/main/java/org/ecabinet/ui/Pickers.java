package org.ecabinet.ui;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;

/**
 * Date and date-time pickers in the user's language: month and day names, "today" and "cancel", the week starting
 * on Monday and dates written {@code dd/MM/yyyy} — Vaadin's own defaults are English and follow the browser.
 */
public final class Pickers {

    private Pickers() {
    }

    public static DatePicker localise(DatePicker picker) {
        UI ui = UI.getCurrent();
        picker.setLocale(ui.getLocale());
        picker.setI18n(i18n(ui));
        return picker;
    }

    public static DateTimePicker localise(DateTimePicker picker) {
        UI ui = UI.getCurrent();
        picker.setLocale(ui.getLocale());
        picker.setDatePickerI18n(i18n(ui));
        picker.setDateAriaLabel(ui.getTranslation("picker.date"));
        picker.setTimeAriaLabel(ui.getTranslation("picker.time"));
        return picker;
    }

    static DatePicker.DatePickerI18n i18n(UI ui) {
        Locale locale = ui.getLocale();
        // Vaadin lists the days from Sunday
        List<DayOfWeek> fromSunday = Stream.concat(Stream.of(DayOfWeek.SUNDAY), Stream.of(DayOfWeek.values()).limit(6)).toList();
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Stream.of(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                .setWeekdays(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList())
                .setFirstDayOfWeek(1)
                .setToday(ui.getTranslation("picker.today"))
                .setCancel(ui.getTranslation("form.cancel"))
                .setDateFormat("dd/MM/yyyy");
    }
}

"""English and Simplified Chinese: runtime switch, Qt's own strings, locale numbers, complete catalogue."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox

from rigsizer.gui import i18n, settings

TS = i18n.translations_dir() / "rigsizer_zh_CN.ts"


def test_switching_to_chinese_retranslates_the_visible_window(main_window, qtbot, screenshot):
    assert main_window.file_menu.title() == "&File"
    assert main_window.docks["model"].windowTitle() == "Model"
    workstation = main_window.panes["workstation"]
    assert workstation.use_button.text() == "Use this workstation"

    assert i18n.apply_language("zh_CN") == "zh_CN"
    qtbot.waitUntil(lambda: main_window.file_menu.title() == "文件(&F)", timeout=3000)  # LanguageChange is posted
    assert main_window.docks["model"].windowTitle() == "模型"
    assert main_window.actions["save"].iconText() == "保存"
    assert workstation.use_button.text() == "使用本工作站"
    assert workstation.tabs.tabText(2) == "实时监控"
    main_window.resize(1500, 940)
    qtbot.wait(300)  # panes that rebuild on a language change do it on the next event-loop turn
    screenshot(main_window, "main_window_zh_CN")
    workstation.tabs.setCurrentIndex(0)
    screenshot(workstation, "workstation_zh_CN")

    i18n.apply_language("en")
    qtbot.waitUntil(lambda: main_window.file_menu.title() == "&File", timeout=3000)
    assert workstation.use_button.text() == "Use this workstation"


def test_qt_standard_buttons_are_chinese_too(main_window):
    i18n.apply_language("zh_CN")
    main_window.open_preferences()
    dialog = main_window.preferences_dialog
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.text().replace("&", "").startswith("关闭")  # from Qt's qtbase_zh_CN.qm
    assert dialog.theme_label.text() == "主题："
    assert i18n.controller().missing == []
    dialog.close()


def test_language_choice_in_preferences_applies_at_once_and_is_remembered(main_window, qtbot):
    main_window.open_preferences()
    dialog = main_window.preferences_dialog
    dialog.choose_language("zh_CN")
    assert settings.language() == "zh_CN"
    qtbot.waitUntil(lambda: main_window.help_menu.title() == "帮助(&H)", timeout=3000)
    assert dialog.language_label.text() == "语言："
    dialog.choose_language("en")
    assert settings.language() == "en"
    qtbot.waitUntil(lambda: main_window.help_menu.title() == "&Help", timeout=3000)
    dialog.close()


def test_numbers_follow_the_ui_locale():
    i18n.apply_language("zh_CN")
    assert QLocale().name() == "zh_CN"
    assert i18n.format_number(1234567.891, 1) == QLocale("zh_CN").toString(1234567.891, "f", 1)
    assert i18n.format_number(float("nan")) == "未知"
    i18n.apply_language("en")
    assert QLocale().name() == "en_US"
    assert i18n.format_number(1234567.891, 1) == "1,234,567.9"
    assert i18n.format_number(4096) == "4,096"
    assert i18n.format_bytes(24 * 1024**3) == "24.0 GiB"


def test_every_message_in_the_chinese_catalogue_is_translated_with_its_placeholders():
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 300
    problems = []
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = translation.text or ""
        if translation.get("type") == "unfinished" or not text:
            problems.append(f"untranslated: {source!r}")
        elif sorted(re.findall(r"%\d", source)) != sorted(re.findall(r"%\d", text)):
            problems.append(f"placeholders differ: {source!r} -> {text!r}")
    assert problems == []
    compiled = TS.with_suffix(".qm")
    assert compiled.exists() and compiled.stat().st_mtime >= TS.stat().st_mtime - 1

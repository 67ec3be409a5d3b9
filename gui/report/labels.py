"""The PDF's fixed wording in English and Simplified Chinese; the quote chooses en, zh or both.

The report language belongs to the quote (a Chinese customer gets a Chinese quote from an
English-speaking seller), so these strings do not follow the UI language.
"""

from __future__ import annotations

from html import escape

LABELS: dict[str, tuple[str, str]] = {
    "quotation": ("Quotation", "报价单"),
    "quote_number": ("Quote number", "报价单号"),
    "draft": ("Draft, not numbered", "草稿，未编号"),
    "issue_date": ("Issue date", "报价日期"),
    "valid_until": ("Valid until", "有效期至"),
    "seller": ("Seller", "供方"),
    "buyer": ("Customer", "需方"),
    "project": ("Project", "项目"),
    "configuration": ("Configuration", "配置"),
    "tax_id": ("Tax / registration no.", "税号"),
    "summary": ("Recommendation", "推荐方案"),
    "line_items": ("Line items", "报价明细"),
    "no": ("No.", "序号"),
    "item": ("Item and specification", "品名及规格"),
    "qty": ("Qty", "数量"),
    "unit_price": ("Unit price", "单价"),
    "line_total": ("Amount", "金额"),
    "price_on_request": ("on request", "另询"),
    "optional": ("optional, not in total", "可选，不计入合计"),
    "price_basis": ("price basis", "价格依据"),
    "subtotal": ("Subtotal", "小计"),
    "discount": ("Discount", "折扣"),
    "shipping": ("Shipping", "运费"),
    "net": ("Net amount (excl. tax)", "不含税金额"),
    "tax": ("Tax", "税额"),
    "tax_included": ("Tax included", "其中税额"),
    "total": ("Total", "合计"),
    "incl_tax": ("prices include tax", "含税价"),
    "excl_tax": ("prices exclude tax", "不含税价"),
    "unpriced_note": ("line(s) priced on request are not included in the total",
                      "项另询价，未计入合计"),
    "performance": ("Expected performance", "预期性能"),
    "figure": ("Figure", "指标"),
    "value": ("Value", "数值"),
    "range": ("Range", "区间"),
    "epoch_time": ("Training time per epoch", "每轮训练时间"),
    "total_time": ("Training time, full run", "完整训练时间"),
    "train_rate": ("Training throughput", "训练吞吐量"),
    "latency": ("Inference latency", "推理延迟"),
    "latency_b1": ("Inference latency, batch 1", "推理延迟（批量 1）"),
    "infer_rate": ("Inference throughput", "推理吞吐量"),
    "takt_margin": ("Takt-time margin", "节拍余量"),
    "takt_required": ("Required rate (takt)", "节拍要求速率"),
    "memory_fit": ("Memory per GPU (training)", "单卡显存（训练）"),
    "max_batch": ("Largest batch that fits", "可容纳最大批量"),
    "bottleneck": ("Bottleneck", "瓶颈"),
    "energy": ("Energy per training run", "每次训练能耗"),
    "energy_cost": ("Electricity per training run", "每次训练电费"),
    "cloud": ("Cloud rental for one training run (for comparison)", "云端租用完成一次训练（对比参考）"),
    "offer": ("Offer", "云服务"),
    "per_hour": ("Price per hour", "每小时价格"),
    "cost": ("Cost", "费用"),
    "run_hours": ("Hours", "小时数"),
    "fits": ("fits", "可容纳"),
    "does_not_fit": ("does not fit", "放不下"),
    "meets": ("meets takt", "满足节拍"),
    "misses": ("misses takt", "不满足节拍"),
    "charts": ("Charts", "图表"),
    "chart_scaling": ("Training time vs number of GPUs", "训练时间与 GPU 数量"),
    "chart_memory": ("Memory per GPU vs capacity", "单卡显存占用与容量"),
    "chart_roofline": ("Roofline: layers on the device", "屋顶线模型：各层在设备上的位置"),
    "chart_price": ("Price vs training time (line-item subtotal before discount and tax)", "价格与训练时间（折扣及税前明细小计）"),
    "gpus": ("GPUs", "GPU 数量"),
    "hours": ("hours", "小时"),
    "spec_sheets": ("Specification sheets", "规格表"),
    "sizing_rule": ("Sizing rule", "选型依据"),
    "terms": ("Terms and conditions", "商务条款"),
    "payment_terms": ("Payment terms", "付款方式"),
    "lead_time": ("Lead time", "交货期"),
    "warranty": ("Warranty", "质保"),
    "validity": ("Validity", "报价有效期"),
    "currency": ("Currency and exchange rates", "币种及汇率"),
    "tax_mode": ("Tax", "税务"),
    "notes": ("Notes", "备注"),
    "acceptance": ("Acceptance", "确认签字"),
    "acceptance_text": ("We accept this quotation and its terms.", "我方接受本报价单及其条款。"),
    "for_seller": ("For the seller", "供方代表"),
    "for_buyer": ("For the customer", "需方代表"),
    "name_title": ("Name and title", "姓名及职务"),
    "signature": ("Signature", "签字"),
    "date": ("Date", "日期"),
    "stamp": ("Company stamp", "公司盖章"),
    "appendix": ("Appendix: assumptions and derivations", "附录：假设与推导"),
    "assumptions": ("Assumptions", "假设"),
    "warnings": ("Warnings", "警告"),
    "sizing": ("Sizing rules", "选型规则"),
    "rounding": ("Rounding rules", "舍入规则"),
    "price_sources": ("Price sources", "价格来源"),
    "derivations": ("Derivations (from the Estimate)", "推导过程（来自估算结果）"),
    "formula": ("formula", "公式"),
    "source": ("source", "来源"),
    "page": ("Page", "第"),
    "of": ("of", "页，共"),
    "pages_suffix": ("", "页"),
    "images_per_s": ("images/s", "张/秒"),
    "no_estimate": ("No performance estimate is attached to this quote.", "本报价未附性能估算。"),
    "unknown": ("n/a", "未知"),
}


def text(key: str, lang: str) -> str:
    """Plain text in the quote's language; "both" gives "English / 中文"."""
    english, chinese = LABELS[key]
    if lang == "zh":
        return chinese
    if lang == "both":
        return f"{english} / {chinese}" if english != chinese else english
    return english


def html(key: str, lang: str) -> str:
    """The label escaped for HTML; in bilingual mode the Chinese goes on its own line in a smaller size."""
    english, chinese = LABELS[key]
    if lang == "both":
        return f"{escape(english)}<br/><span style='font-size:7.5pt;'>{escape(chinese)}</span>"
    return escape(text(key, lang))


def inline(key: str, lang: str) -> str:
    return escape(text(key, lang))


def page_text(page: int, pages: int, lang: str) -> str:
    if lang == "zh":
        return f"第 {page} 页，共 {pages} 页"
    if lang == "both":
        return f"Page {page} of {pages} / 第 {page} 页，共 {pages} 页"
    return f"Page {page} of {pages}"


# spec-sheet row labels written by core.quote_sizing (English there; translated here for print)
DETAIL_LABELS: dict[str, str] = {
    "Vendor / model": "厂商 / 型号", "Architecture": "架构", "Memory": "显存", "Memory bandwidth": "内存带宽",
    "FP32 cores x boost clock": "FP32 核心数 × 加速频率", "TDP": "热设计功耗", "Host link": "主机接口",
    "NVLink": "NVLink", "Source": "数据来源", "Cores / threads": "核心 / 线程", "Clock (used for peak)": "频率（用于峰值）",
    "Peak FP32": "FP32 峰值", "PCIe lanes": "PCIe 通道", "ISA": "指令集",
}


def detail(label: str, lang: str) -> str:
    """A spec-sheet row label in the quote's language (unknown labels stay as written)."""
    chinese = DETAIL_LABELS.get(label)
    if chinese is None and label.startswith("Peak ") and label.endswith(" (dense)"):
        chinese = f"{label[5:-8]} 峰值（稠密）"
    if chinese is None or lang == "en":
        return label
    return chinese if lang == "zh" else f"{label} / {chinese}"

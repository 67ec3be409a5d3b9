<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../gui/about_dialog.py" line="49" />
            <source>About Rigsizer</source>
            <translation>关于 Rigsizer</translation>
        </message>
        <message>
            <location filename="../../gui/about_dialog.py" line="55" />
            <source>Sizes deep-learning and machine-vision hardware by calculation and shows where every number comes from.</source>
            <translation>通过计算为深度学习和机器视觉选配硬件，并给出每个数字的来源。</translation>
        </message>
    </context>
    <context>
        <name>CrashRecovery</name>
        <message>
            <location filename="../../gui/crash_recovery.py" line="59" />
            <source>Cannot recover the project</source>
            <translation>无法恢复项目</translation>
        </message>
        <message>
            <location filename="../../gui/crash_recovery.py" line="63" />
            <source>Recover autosaved changes</source>
            <translation>恢复自动保存的更改</translation>
        </message>
        <message>
            <location filename="../../gui/crash_recovery.py" line="67" />
            <source>Recovered the autosaved project</source>
            <translation>已恢复自动保存的项目</translation>
        </message>
    </context>
    <context>
        <name>DerivationTitles</name>
        <message>
            <location filename="../../gui/derivation_titles.py" line="14" />
            <source>Parameters</source>
            <translation>参数量</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="15" />
            <source>MACs per sample</source>
            <translation>每样本乘加次数</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="16" />
            <source>FLOPs per sample</source>
            <translation>每样本浮点运算次数</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="17" />
            <source>Forward pass time</source>
            <translation>前向传播时间</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="18" />
            <source>Backward pass time</source>
            <translation>反向传播时间</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="19" />
            <source>Optimizer step time</source>
            <translation>优化器更新时间</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="20" />
            <source>Host overhead per step</source>
            <translation>每步主机开销</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="21" />
            <source>Compute time per step</source>
            <translation>每步计算时间</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="22" />
            <source>Gradient all-reduce time</source>
            <translation>梯度 all-reduce 时间</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="23" />
            <source>Step time</source>
            <translation>每步时间</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="24" />
            <source>Training throughput</source>
            <translation>训练吞吐量</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="25" />
            <source>Training throughput per device</source>
            <translation>单设备训练吞吐量</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="26" />
            <source>Compute utilisation</source>
            <translation>算力利用率</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="27" />
            <source>Training time per epoch</source>
            <translation>每轮训练时间</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="28" />
            <source>Validation time per epoch</source>
            <translation>每轮验证时间</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="29" />
            <source>Training run</source>
            <translation>完整训练</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="30" />
            <source>Energy per training run</source>
            <translation>每次训练能耗</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="31" />
            <source>Electricity cost per training run</source>
            <translation>每次训练电费</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="32" />
            <source>Weights memory</source>
            <translation>权重显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="33" />
            <source>Gradients memory</source>
            <translation>梯度显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="34" />
            <source>Optimizer state memory</source>
            <translation>优化器状态显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="35" />
            <source>Activations memory</source>
            <translation>激活值显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="36" />
            <source>Workspace memory</source>
            <translation>工作区显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="37" />
            <source>Runtime context memory</source>
            <translation>运行时上下文显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="38" />
            <source>Memory per device</source>
            <translation>每设备内存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="39" />
            <source>Device memory capacity</source>
            <translation>设备内存容量</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="40" />
            <source>Largest batch that fits</source>
            <translation>可容纳的最大批大小</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="41" />
            <source>Inference latency</source>
            <translation>推理延迟</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="42" />
            <source>Inference latency at batch 1</source>
            <translation>批大小 1 时的推理延迟</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="43" />
            <source>Inference throughput</source>
            <translation>推理吞吐量</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="44" />
            <source>Share of the rated peak</source>
            <translation>占额定峰值的比例</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="45" />
            <source>Inference weights memory</source>
            <translation>推理权重显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="46" />
            <source>Inference gradients memory</source>
            <translation>推理梯度显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="47" />
            <source>Inference optimizer state memory</source>
            <translation>推理优化器状态显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="48" />
            <source>Inference activations memory</source>
            <translation>推理激活值显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="49" />
            <source>Inference workspace memory</source>
            <translation>推理工作区显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="50" />
            <source>Inference runtime context memory</source>
            <translation>推理运行时上下文显存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="51" />
            <source>Inference memory per device</source>
            <translation>推理每设备内存</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="52" />
            <source>Inference device memory capacity</source>
            <translation>推理设备内存容量</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="53" />
            <source>Largest inference batch that fits</source>
            <translation>可容纳的最大推理批大小</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="54" />
            <source>Rate the line requires</source>
            <translation>产线要求的速率</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="55" />
            <source>Latency budget</source>
            <translation>延迟预算</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="56" />
            <source>Takt margin</source>
            <translation>节拍余量</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="57" />
            <source>Devices the line needs</source>
            <translation>产线所需设备数</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="58" />
            <source>CPU time per image</source>
            <translation>每张图像的 CPU 时间</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="59" />
            <source>Images per second the CPU supplies</source>
            <translation>CPU 每秒供给图像数</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="60" />
            <source>Images per second the GPUs take</source>
            <translation>GPU 每秒需求图像数</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="61" />
            <source>Data-loader workers needed</source>
            <translation>所需数据加载进程数</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="62" />
            <source>CPU cores available</source>
            <translation>可用 CPU 核心数</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="63" />
            <source>Dataset size</source>
            <translation>数据集大小</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="64" />
            <source>Images per second from storage</source>
            <translation>存储每秒可读图像数</translation>
        </message>
        <message>
            <location filename="../../gui/derivation_titles.py" line="65" />
            <source>PCIe transfer time per step</source>
            <translation>每步 PCIe 传输时间</translation>
        </message>
    </context>
    <context>
        <name>DeviceComparison</name>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="80" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="98" />
            <source>Not known: no published figure was found; Rigsizer does not guess.</source>
            <translation>未知：没有找到公开数据；Rigsizer 不做猜测。</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="99" />
            <source>From the catalog: %1</source>
            <translation>来自目录：%1</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="100" />
            <source>Derived from first principles (cores × clock × FLOPs per clock)</source>
            <translation>由基本原理推导（核心数 × 频率 × 每时钟 FLOPs）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="101" />
            <source>Detected on this workstation</source>
            <translation>在本工作站上检测到</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="102" />
            <source>Measured by the micro-benchmarks</source>
            <translation>由微基准测试实测</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="103" />
            <source>Entered by you</source>
            <translation>由您输入</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="105" />
            <source>Price %1, %2, source: %3</source>
            <translation>价格 %1，%2，来源：%3</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="40" />
            <source>Vendor</source>
            <translation>厂商</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="41" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="42" />
            <source>Architecture</source>
            <translation>架构</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="43" />
            <source>Launch year</source>
            <translation>发布年份</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="44" />
            <source>Memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="45" />
            <source>Memory type</source>
            <translation>内存类型</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="46" />
            <source>Memory bandwidth</source>
            <translation>内存带宽</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="48" />
            <source>Cores</source>
            <translation>核心数</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="49" />
            <source>Boost clock</source>
            <translation>加速频率</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="50" />
            <source>FP32 FLOPs per clock per core</source>
            <translation>每核每时钟 FP32 FLOPs</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="52" />
            <source>%1 dense peak</source>
            <translation>%1 稠密峰值</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="55" />
            <source>TDP</source>
            <translation>TDP</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="56" />
            <source>PCIe</source>
            <translation>PCIe</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="58" />
            <source>NVLink</source>
            <translation>NVLink</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="59" />
            <source>Peer-to-peer</source>
            <translation>点对点互联</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="59" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="59" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="60" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="61" />
            <source>Price date</source>
            <translation>价格日期</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_compare.py" line="63" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>DeviceEditor</name>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="27" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="28" />
            <source>Vendor</source>
            <translation>厂商</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="29" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="30" />
            <source>Architecture</source>
            <translation>架构</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="31" />
            <source>Memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="32" />
            <source>Memory bandwidth</source>
            <translation>内存带宽</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="33" />
            <source>Cores (CUDA cores / CPU cores)</source>
            <translation>核心数（CUDA 核心 / CPU 核心）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="34" />
            <source>Boost clock</source>
            <translation>加速频率</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="35" />
            <source>FP32 FLOPs per clock per core</source>
            <translation>每核每时钟 FP32 FLOPs</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="36" />
            <source>FP32 peak (dense)</source>
            <translation>FP32 峰值（稠密）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="37" />
            <source>FP16 tensor peak (dense)</source>
            <translation>FP16 张量核峰值（稠密）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="38" />
            <source>BF16 tensor peak (dense)</source>
            <translation>BF16 张量核峰值（稠密）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="39" />
            <source>INT8 peak (dense)</source>
            <translation>INT8 峰值（稠密）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="40" />
            <source>TDP</source>
            <translation>TDP</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="41" />
            <source>PCIe generation</source>
            <translation>PCIe 代数</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="42" />
            <source>PCIe lanes</source>
            <translation>PCIe 通道数</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="43" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="44" />
            <source>Price date</source>
            <translation>价格日期</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="45" />
            <source>Price source</source>
            <translation>价格来源</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="46" />
            <source>Spec source</source>
            <translation>规格来源</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="47" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="59" />
            <source>Edit device</source>
            <translation>编辑设备</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="59" />
            <source>Add your own device</source>
            <translation>添加自定义设备</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="62" />
            <source>Enter figures from the datasheet, in its units. Leave unknown values empty: Rigsizer never guesses them. Dense (not sparse) peak rates only.</source>
            <translation>请按数据手册的单位填写数值。未知的数值请留空：Rigsizer 从不猜测。只填写稠密（非稀疏）峰值算力。</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="77" />
            <source>Edge accelerator</source>
            <translation>边缘加速器</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/device_editor.py" line="142" />
            <source>“%1” is not a number</source>
            <translation>“%1”不是数字</translation>
        </message>
    </context>
    <context>
        <name>ExplainView</name>
        <message>
            <location filename="../../gui/panes/explain_view.py" line="119" />
            <source>Find a number (e.g. epoch, memory, peak)…</source>
            <translation>查找数字（如 epoch、内存、峰值）…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/explain_view.py" line="134" />
            <source>Click a number to see how it was derived.</source>
            <translation>点击一个数字查看其推导过程。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/explain_view.py" line="168" />
            <source>No estimate yet.</source>
            <translation>尚无估算结果。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/explain_view.py" line="170" />
            <source>Click a number (a card or a line above) to see how it was derived.</source>
            <translation>点击一个数字（卡片或上方的一行）查看其推导过程。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/explain_view.py" line="76" />
            <source>range %1 to %2</source>
            <translation>范围 %1 至 %2</translation>
        </message>
        <message>
            <location filename="../../gui/panes/explain_view.py" line="92" />
            <source>Symbol</source>
            <translation>符号</translation>
        </message>
        <message>
            <location filename="../../gui/panes/explain_view.py" line="92" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../gui/panes/explain_view.py" line="92" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../gui/panes/explain_view.py" line="92" />
            <location filename="../../gui/widgets/device_compare.py" line="62" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
    </context>
    <context>
        <name>HardwarePane</name>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="101" />
            <source>Search devices: name, vendor, alias (e.g. 4090, 英伟达, Jetson)</source>
            <translation>搜索设备：名称、厂商、别名（如 4090、英伟达、Jetson）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="106" />
            <source>All kinds</source>
            <translation>所有类型</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="107" />
            <source>Edge</source>
            <translation>边缘</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="112" />
            <source>All vendors</source>
            <translation>所有厂商</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="122" />
            <source>any memory</source>
            <translation>任意内存</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="125" />
            <source>Only devices with at least this much memory (0: any)</source>
            <translation>只显示内存不少于此值的设备（0：不限）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="134" />
            <source>any price</source>
            <translation>任意价格</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="135" />
            <source>Only devices with a known price up to this (0: any, unknown prices too)</source>
            <translation>只显示已知价格不高于此值的设备（0：不限，包括价格未知的设备）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="144" />
            <location filename="../../gui/panes/hardware_pane.py" line="191" />
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="144" />
            <source>Vendor</source>
            <translation>厂商</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="144" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="144" />
            <source>Memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="145" />
            <source>Bandwidth</source>
            <translation>带宽</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="145" />
            <source>FP32</source>
            <translation>FP32</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="145" />
            <source>FP16 tensor</source>
            <translation>FP16 张量核</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="145" />
            <source>INT8</source>
            <translation>INT8</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="146" />
            <source>TDP</source>
            <translation>TDP</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="146" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="165" />
            <source>Comparison (select up to 4 devices)</source>
            <translation>对比（最多选择 4 个设备）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="169" />
            <source>Compare</source>
            <translation>对比</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="174" />
            <source>Catalog</source>
            <translation>目录</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="176" />
            <source>Add your own device…</source>
            <translation>添加自定义设备…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="178" />
            <source>Edit device or price…</source>
            <translation>编辑设备或价格…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="187" />
            <source>Candidates for this project</source>
            <translation>本项目的候选硬件</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="191" />
            <source>Count</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="198" />
            <source>No candidates yet: select devices in the list above and press “Add selected”.</source>
            <translation>尚无候选设备：请在上方列表中选择设备，然后点击“添加所选”。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="201" />
            <source>Add selected</source>
            <translation>添加所选</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="202" />
            <source>Add the selected catalog devices as candidates (double-click a device does the same)</source>
            <translation>将所选目录设备添加为候选（双击设备效果相同）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="205" />
            <source>Add this workstation</source>
            <translation>添加本工作站</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="216" />
            <source>Candidates</source>
            <translation>候选</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="222" />
            <source>Prices</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="269" />
            <source>Catalog unavailable: %1</source>
            <translation>目录不可用：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="271" />
            <source>%1 devices shown</source>
            <translation>显示 %1 个设备</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="281" />
            <source>%1
Source: %2</source>
            <translation>%1
来源：%2</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="402" />
            <source>This workstation</source>
            <translation>本工作站</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="440" />
            <source>Devices of this kind per machine (1 to %1)</source>
            <translation>每台机器中此类设备的数量（1 至 %1）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/hardware_pane.py" line="443" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
    </context>
    <context>
        <name>LayerBarsChart</name>
        <message>
            <location filename="../../gui/charts/layer_bars.py" line="28" />
            <source>Share of total (%)</source>
            <translation>占总量比例（%）</translation>
        </message>
        <message>
            <location filename="../../gui/charts/layer_bars.py" line="31" />
            <source>Params</source>
            <translation>参数量</translation>
        </message>
        <message>
            <location filename="../../gui/charts/layer_bars.py" line="33" />
            <source>MACs</source>
            <translation>MACs</translation>
        </message>
        <message>
            <location filename="../../gui/charts/layer_bars.py" line="38" />
            <location filename="../../gui/charts/layer_bars.py" line="71" />
            <source>No model</source>
            <translation>无模型</translation>
        </message>
        <message>
            <location filename="../../gui/charts/layer_bars.py" line="49" />
            <source>Where &lt;span style='color:%1'&gt;■ params&lt;/span&gt; and &lt;span style='color:%2'&gt;■ MACs&lt;/span&gt; go</source>
            <translation>&lt;span style='color:%1'&gt;■ 参数量&lt;/span&gt;和&lt;span style='color:%2'&gt;■ MACs&lt;/span&gt;的分布</translation>
        </message>
    </context>
    <context>
        <name>LayerListEditor</name>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="173" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="173" />
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="173" />
            <source>Output shape</source>
            <translation>输出形状</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="174" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="194" />
            <source>Kind of layer to add below the selected row</source>
            <translation>在所选行下方添加的层类型</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="197" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="199" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="202" />
            <source>Move the selected layer up</source>
            <translation>上移所选层</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="205" />
            <source>Move the selected layer down</source>
            <translation>下移所选层</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="246" />
            <source>Layer %1 (%2): %3</source>
            <translation>第 %1 层（%2）：%3</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="250" />
            <source>%1 layers, input %2</source>
            <translation>%1 层，输入 %2</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="326" />
            <source>from the input</source>
            <translation>来自输入</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="334" />
            <source>Allowed: %1 to %2</source>
            <translation>允许范围：%1 至 %2</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_list_editor.py" line="337" />
            <source>Required</source>
            <translation>必填</translation>
        </message>
    </context>
    <context>
        <name>LayerStatsModel</name>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="31" />
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="31" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="31" />
            <source>Output shape</source>
            <translation>输出形状</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="31" />
            <source>Params</source>
            <translation>参数量</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="32" />
            <source>MACs</source>
            <translation>MACs</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="32" />
            <source>Activations</source>
            <translation>激活值</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="32" />
            <source>Traffic</source>
            <translation>访存量</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="32" />
            <source>Intensity</source>
            <translation>计算强度</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="33" />
            <source>Layer name as torchvision/timm print it</source>
            <translation>torchvision/timm 打印的层名称</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="33" />
            <source>Layer kind and detail</source>
            <translation>层类型和细节</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="34" />
            <source>Output shape per sample (batch excluded)</source>
            <translation>每个样本的输出形状（不含 batch 维）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="34" />
            <source>Trainable and frozen parameters</source>
            <translation>可训练和冻结的参数</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="35" />
            <source>Forward multiply-accumulates per sample (conv, linear, matmul only)</source>
            <translation>每个样本的前向乘加次数（仅卷积、全连接、矩阵乘）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="36" />
            <source>Output elements per sample</source>
            <translation>每个样本的输出元素数</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="37" />
            <source>Bytes moved per sample in forward: inputs + weights + outputs</source>
            <translation>每个样本前向传播的访存字节数：输入 + 权重 + 输出</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/layer_stats_model.py" line="38" />
            <source>FLOPs per byte of traffic (roofline x-axis)</source>
            <translation>每字节访存的 FLOPs（屋顶线模型横轴）</translation>
        </message>
    </context>
    <context>
        <name>LiveMonitor</name>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="162" />
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="162" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="163" />
            <source>Stop or restart sampling (history is kept)</source>
            <translation>停止或重新开始采样（保留历史）</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="164" />
            <source>CPU utilisation, %: total (bold) and per core</source>
            <translation>CPU 利用率，%：总体（粗线）和各核心</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="165" />
            <source>RAM used, GiB (dashed: installed)</source>
            <translation>已用内存，GiB（虚线：已安装）</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="167" />
            <source>GPU %1: utilisation and memory used (dashed), %</source>
            <translation>GPU %1：利用率和已用显存（虚线），%</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="168" />
            <source>GPU %1: temperature, °C</source>
            <translation>GPU %1：温度，°C</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="169" />
            <source>GPU %1: power, W</source>
            <translation>GPU %1：功耗，W</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="170" />
            <source>GPU %1: SM clock, MHz</source>
            <translation>GPU %1：SM 频率，MHz</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="172" />
            <source>seconds ago</source>
            <translation>秒前</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="190" />
            <source>No GPU charts: %1</source>
            <translation>无 GPU 图表：%1</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="198" />
            <source>Sampling every second; 10 minutes of history.</source>
            <translation>每秒采样一次；保留 10 分钟历史。</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="202" />
            <source>CPU %1 %, RAM %2 of %3 GiB</source>
            <translation>CPU %1 %，内存 %2 / %3 GiB</translation>
        </message>
        <message>
            <location filename="../../gui/charts/live_monitor.py" line="205" />
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
    </context>
    <context>
        <name>MemoryChart</name>
        <message>
            <location filename="../../gui/charts/memory_chart.py" line="23" />
            <source>Memory vs batch size</source>
            <translation>内存与批大小</translation>
        </message>
        <message>
            <location filename="../../gui/charts/memory_chart.py" line="24" />
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../gui/charts/memory_chart.py" line="24" />
            <source>Memory (GiB)</source>
            <translation>内存（GiB）</translation>
        </message>
        <message>
            <location filename="../../gui/charts/memory_chart.py" line="31" />
            <source>capacity</source>
            <translation>容量</translation>
        </message>
        <message>
            <location filename="../../gui/charts/memory_chart.py" line="33" />
            <source>chosen batch</source>
            <translation>所选批量</translation>
        </message>
        <message>
            <location filename="../../gui/charts/memory_chart.py" line="39" />
            <location filename="../../gui/charts/memory_chart.py" line="70" />
            <source>No memory estimate</source>
            <translation>无内存估算</translation>
        </message>
    </context>
    <context>
        <name>ModelFeedback</name>
        <message>
            <location filename="../../gui/model_feedback.py" line="35" />
            <source>%1[*] — Rigsizer</source>
            <translation>%1[*] — Rigsizer</translation>
        </message>
        <message>
            <location filename="../../gui/model_feedback.py" line="45" />
            <source>No estimate: %1</source>
            <translation>无估算结果：%1</translation>
        </message>
    </context>
    <context>
        <name>ModelPane</name>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="42" />
            <location filename="../../gui/panes/model_pane.py" line="43" />
            <source>d_model</source>
            <translation>d_model</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="42" />
            <location filename="../../gui/panes/model_pane.py" line="43" />
            <location filename="../../gui/panes/model_pane.py" line="44" />
            <source>Heads</source>
            <translation>注意力头数</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="42" />
            <location filename="../../gui/panes/model_pane.py" line="45" />
            <source>Encoder layers</source>
            <translation>编码器层数</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="43" />
            <location filename="../../gui/panes/model_pane.py" line="45" />
            <source>Decoder layers</source>
            <translation>解码器层数</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="43" />
            <source>Object queries</source>
            <translation>目标查询数</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="44" />
            <source>Layers</source>
            <translation>层数</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="46" />
            <source>d_ff</source>
            <translation>d_ff</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="46" />
            <source>d_ff / d_model (MLP ratio)</source>
            <translation>d_ff / d_model（MLP 比例）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="47" />
            <location filename="../../gui/panes/model_pane.py" line="381" />
            <source>Vocabulary</source>
            <translation>词表大小</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="48" />
            <source>Width multiplier</source>
            <translation>宽度系数</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="48" />
            <source>Blocks per stage</source>
            <translation>每阶段块数</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="48" />
            <source>Channels per stage</source>
            <translation>每阶段通道数</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="155" />
            <source>Input and head</source>
            <translation>输入和输出头</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="159" />
            <source>Architecture</source>
            <translation>架构</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="162" />
            <source>Custom layers</source>
            <translation>自定义层</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="174" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="178" />
            <source>Per-layer statistics</source>
            <translation>逐层统计</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="186" />
            <source>Filter layers (e.g. conv, layer3)</source>
            <translation>筛选层（如 conv、layer3）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="219" />
            <source>Top </source>
            <translation>前 </translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="221" />
            <source>Group by stage</source>
            <translation>按阶段分组</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="230" />
            <source>Layer statistics</source>
            <translation>层统计</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="265" />
            <source>Use model %1</source>
            <translation>使用模型 %1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="270" />
            <source>Build a custom model</source>
            <translation>构建自定义模型</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="300" />
            <source>Transformer</source>
            <translation>Transformer</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="301" />
            <source>Architecture (%1)</source>
            <translation>架构（%1）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="317" />
            <source>Builder parameter %1 of %2; default %3</source>
            <translation>%2 的构建参数 %1；默认值 %3</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="349" />
            <source>Custom model</source>
            <translation>自定义模型</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="353" />
            <source>Reference: %1 params, %2 MACs at %3</source>
            <translation>参考值：%1 参数，%3 输入下 %2 MACs</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="356" />
            <source>Reference: %1 params at %3</source>
            <translation>参考值：%3 输入下 %1 参数</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="379" />
            <source>Source length</source>
            <translation>源序列长度</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="380" />
            <source>Target length</source>
            <translation>目标序列长度</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="388" />
            <source>tokens</source>
            <translation>词元</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="416" />
            <source>Total: %1 params (%2 trainable), %3 MACs (%4 FLOPs), %5 other ops, %6 activations per sample, %7 traffic at %8; input %9</source>
            <translation>合计：%1 参数（%2 可训练），%3 MACs（%4 FLOPs），%5 其他运算，每样本 %6 激活值，%8 精度下访存 %7；输入 %9</translation>
        </message>
        <message>
            <location filename="../../gui/panes/model_pane.py" line="428" />
            <source>No statistics: %1</source>
            <translation>无统计数据：%1</translation>
        </message>
    </context>
    <context>
        <name>PaneDocks</name>
        <message>
            <location filename="../../gui/pane_docks.py" line="63" />
            <source>It has not been built yet.</source>
            <translation>尚未构建。</translation>
        </message>
        <message>
            <location filename="../../gui/pane_docks.py" line="76" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../gui/pane_docks.py" line="132" />
            <source>Workstation</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../gui/pane_docks.py" line="133" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../gui/pane_docks.py" line="134" />
            <source>Workload</source>
            <translation>工作负载</translation>
        </message>
        <message>
            <location filename="../../gui/pane_docks.py" line="135" />
            <source>Hardware</source>
            <translation>硬件</translation>
        </message>
        <message>
            <location filename="../../gui/pane_docks.py" line="136" />
            <source>Results</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../gui/pane_docks.py" line="137" />
            <source>Quote</source>
            <translation>报价</translation>
        </message>
    </context>
    <context>
        <name>PanePlaceholder</name>
        <message>
            <location filename="../../gui/pane_docks.py" line="38" />
            <source>The %1 pane is not available.
%2</source>
            <translation>%1面板不可用。
%2</translation>
        </message>
    </context>
    <context>
        <name>ParetoChart</name>
        <message>
            <location filename="../../gui/charts/pareto.py" line="28" />
            <source>Price vs training time</source>
            <translation>价格与训练时间</translation>
        </message>
        <message>
            <location filename="../../gui/charts/pareto.py" line="30" />
            <source>Pareto front</source>
            <translation>帕累托前沿</translation>
        </message>
        <message>
            <location filename="../../gui/charts/pareto.py" line="32" />
            <source>Other configurations</source>
            <translation>其他配置</translation>
        </message>
        <message>
            <location filename="../../gui/charts/pareto.py" line="35" />
            <source>Pareto-optimal</source>
            <translation>帕累托最优</translation>
        </message>
        <message>
            <location filename="../../gui/charts/pareto.py" line="48" />
            <location filename="../../gui/charts/pareto.py" line="69" />
            <source>No recommended configurations</source>
            <translation>没有推荐配置</translation>
        </message>
        <message>
            <location filename="../../gui/charts/pareto.py" line="73" />
            <source>Training time (%1, log scale)</source>
            <translation>训练时间（%1，对数坐标）</translation>
        </message>
        <message>
            <location filename="../../gui/charts/pareto.py" line="73" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
    </context>
    <context>
        <name>PartyEditor</name>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="80" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="80" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="80" />
            <source>E-mail</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="81" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="81" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="81" />
            <source>Tax / registration no.</source>
            <translation>税号/注册号</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../gui/preferences_dialog.py" line="58" />
            <source>Preferences</source>
            <translation>首选项</translation>
        </message>
        <message>
            <location filename="../../gui/preferences_dialog.py" line="59" />
            <source>Theme:</source>
            <translation>主题：</translation>
        </message>
        <message>
            <location filename="../../gui/preferences_dialog.py" line="60" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location filename="../../gui/preferences_dialog.py" line="61" />
            <source>Autosave every:</source>
            <translation>自动保存间隔：</translation>
        </message>
        <message>
            <location filename="../../gui/preferences_dialog.py" line="62" />
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <location filename="../../gui/preferences_dialog.py" line="63" />
            <source>Changes apply at once. “System” follows the desktop settings.</source>
            <translation>更改立即生效。“跟随系统”使用桌面设置。</translation>
        </message>
        <message>
            <location filename="../../gui/preferences_dialog.py" line="65" />
            <location filename="../../gui/preferences_dialog.py" line="68" />
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../gui/preferences_dialog.py" line="65" />
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../gui/preferences_dialog.py" line="65" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
    </context>
    <context>
        <name>PriceEditor</name>
        <message>
            <location filename="../../gui/widgets/price_editor.py" line="24" />
            <source>Edit price</source>
            <translation>编辑价格</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_editor.py" line="42" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_editor.py" line="42" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_editor.py" line="42" />
            <source>Date or period</source>
            <translation>日期或时段</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_editor.py" line="43" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_editor.py" line="51" />
            <source>When the price was seen, e.g. 2026-01 or a quote number's date</source>
            <translation>看到该价格的时间，如 2026-01 或报价单日期</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_editor.py" line="52" />
            <source>Where it comes from: a shop page, a distributor quote, …</source>
            <translation>价格来源：商店页面、经销商报价等</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_editor.py" line="65" />
            <source>“%1” is not a number</source>
            <translation>“%1”不是数字</translation>
        </message>
    </context>
    <context>
        <name>PriceList</name>
        <message>
            <location filename="../../gui/widgets/price_list.py" line="50" />
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_list.py" line="50" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_list.py" line="50" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_list.py" line="51" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_list.py" line="51" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_list.py" line="61" />
            <source>Edit price…</source>
            <translation>编辑价格…</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/price_list.py" line="62" />
            <source>Your own figure, with its date and source; kept across catalog updates</source>
            <translation>您自己的价格，附日期和来源；目录更新后仍保留</translation>
        </message>
    </context>
    <context>
        <name>ProjectField</name>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="22" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="22" />
            <source>Inference</source>
            <translation>推理</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="22" />
            <source>Training and inference</source>
            <translation>训练和推理</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="23" />
            <source>SGD with momentum</source>
            <translation>带动量的 SGD</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="24" />
            <source>Resize to the network input</source>
            <translation>缩放到网络输入尺寸</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="24" />
            <source>Cut into tiles</source>
            <translation>切分为图块</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="25" />
            <source>Raw pixels</source>
            <translation>原始像素</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="26" />
            <source>NVMe SSD</source>
            <translation>NVMe 固态硬盘</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="26" />
            <source>SATA SSD</source>
            <translation>SATA 固态硬盘</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="26" />
            <source>Hard disk</source>
            <translation>机械硬盘</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="26" />
            <source>Network share</source>
            <translation>网络共享</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="27" />
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="27" />
            <source>Light</source>
            <translation>轻度</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="27" />
            <source>Standard</source>
            <translation>标准</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="27" />
            <source>Heavy</source>
            <translation>重度</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="28" />
            <source>Takt time per part</source>
            <translation>每件节拍时间</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="28" />
            <source>Line speed and field of view</source>
            <translation>线速度和视野</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="29" />
            <source>Framework (eager)</source>
            <translation>深度学习框架（即时执行）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="30" />
            <source>Eager (PyTorch)</source>
            <translation>即时执行（PyTorch）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="30" />
            <source>Graph (TensorFlow, MXNet)</source>
            <translation>静态图（TensorFlow、MXNet）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="31" />
            <source>Compiled (torch.compile, XLA)</source>
            <translation>编译执行（torch.compile、XLA）</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="32" />
            <source>Any</source>
            <translation>任意</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="32" />
            <source>Desktop</source>
            <translation>台式机</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="32" />
            <source>Workstation</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="32" />
            <source>Rack server</source>
            <translation>机架式服务器</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="33" />
            <source>Edge device</source>
            <translation>边缘设备</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="76" />
            <source>one of %1</source>
            <translation>%1 之一</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="97" />
            <source>No production line</source>
            <translation>无产线</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="118" />
            <source>Allowed: %1</source>
            <translation>允许：%1</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/project_field.py" line="121" />
            <source>Default: %1</source>
            <translation>默认：%1</translation>
        </message>
        <message>
            <source>Project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <source>Shown in the title bar and on the quote.</source>
            <translation>显示在标题栏和报价单上。</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Free text kept with the project.</source>
            <translation>随项目保存的自由文本。</translation>
        </message>
        <message>
            <source>Workload</source>
            <translation>工作负载</translation>
        </message>
        <message>
            <source>What to estimate: training, inference on the line, or both.</source>
            <translation>估算内容：训练、产线推理，或两者。</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Model zoo name (e.g. resnet50, detr_resnet50, yolov8s); ignored when custom layers are given.</source>
            <translation>模型库中的名称（如 resnet50、detr_resnet50、yolov8s）；给出自定义层时忽略。</translation>
        </message>
        <message>
            <source>Input channels</source>
            <translation>输入通道数</translation>
        </message>
        <message>
            <source>Channels of the network input (1 for grayscale cameras, 3 for RGB).</source>
            <translation>网络输入的通道数（灰度相机为 1，RGB 为 3）。</translation>
        </message>
        <message>
            <source>Input height</source>
            <translation>输入高度</translation>
        </message>
        <message>
            <source>Height of the network input after resizing (tiling uses the tile size instead).</source>
            <translation>缩放后网络输入的高度（切图时改用图块尺寸）。</translation>
        </message>
        <message>
            <source>Input width</source>
            <translation>输入宽度</translation>
        </message>
        <message>
            <source>Width of the network input after resizing (tiling uses the tile size instead).</source>
            <translation>缩放后网络输入的宽度（切图时改用图块尺寸）。</translation>
        </message>
        <message>
            <source>Classes</source>
            <translation>类别数</translation>
        </message>
        <message>
            <source>Number of output classes; 0 keeps the model's default head.</source>
            <translation>输出类别数；0 表示保留模型默认的输出头。</translation>
        </message>
        <message>
            <source>Dataset preset</source>
            <translation>数据集预设</translation>
        </message>
        <message>
            <source>Name of a catalog dataset the figures below were taken from; empty for your own data.</source>
            <translation>下方数据所取自的目录数据集名称；使用自己的数据时留空。</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>图像数</translation>
        </message>
        <message>
            <source>Number of labelled images available for training (before the validation split).</source>
            <translation>可用于训练的已标注图像数（划分验证集之前）。</translation>
        </message>
        <message>
            <source>Image width</source>
            <translation>图像宽度</translation>
        </message>
        <message>
            <source>Width of one camera image.</source>
            <translation>一张相机图像的宽度。</translation>
        </message>
        <message>
            <source>Image height</source>
            <translation>图像高度</translation>
        </message>
        <message>
            <source>Height of one camera image.</source>
            <translation>一张相机图像的高度。</translation>
        </message>
        <message>
            <source>Image channels</source>
            <translation>图像通道数</translation>
        </message>
        <message>
            <source>1 for grayscale, 3 for RGB.</source>
            <translation>灰度为 1，RGB 为 3。</translation>
        </message>
        <message>
            <source>File format</source>
            <translation>文件格式</translation>
        </message>
        <message>
            <source>Storage format; decides the CPU decode cost.</source>
            <translation>存储格式；决定 CPU 解码开销。</translation>
        </message>
        <message>
            <source>Typical file size</source>
            <translation>典型文件大小</translation>
        </message>
        <message>
            <source>Average file size on disk; 0 estimates it from the pixel count and format.</source>
            <translation>磁盘上的平均文件大小；0 表示根据像素数和格式估算。</translation>
        </message>
        <message>
            <source>Defect ratio</source>
            <translation>缺陷比例</translation>
        </message>
        <message>
            <source>Fraction of images that show a defect; drives sampling advice.</source>
            <translation>含缺陷图像所占比例；用于采样建议。</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>存储</translation>
        </message>
        <message>
            <source>Where the training images are read from when they are not in the page cache.</source>
            <translation>训练图像不在页缓存中时从何处读取。</translation>
        </message>
        <message>
            <source>Preprocessing</source>
            <translation>预处理</translation>
        </message>
        <message>
            <source>Resize each image to the network input, or cut it into tiles the network sees one by one.</source>
            <translation>将每张图像缩放到网络输入尺寸，或切成图块逐个送入网络。</translation>
        </message>
        <message>
            <source>Tile size</source>
            <translation>图块尺寸</translation>
        </message>
        <message>
            <source>Side of a square tile; the network input becomes tile x tile.</source>
            <translation>正方形图块的边长；网络输入变为 图块 × 图块。</translation>
        </message>
        <message>
            <source>Tile overlap</source>
            <translation>图块重叠</translation>
        </message>
        <message>
            <source>Pixels shared by neighbouring tiles; must be smaller than the tile size.</source>
            <translation>相邻图块共享的像素数；必须小于图块尺寸。</translation>
        </message>
        <message>
            <source>Augmentation</source>
            <translation>数据增强</translation>
        </message>
        <message>
            <source>CPU cost of random crops, flips, colour jitter and resizing per image.</source>
            <translation>每张图像随机裁剪、翻转、颜色抖动和缩放的 CPU 开销。</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>训练轮数</translation>
        </message>
        <message>
            <source>Passes over the training set.</source>
            <translation>遍历训练集的次数。</translation>
        </message>
        <message>
            <source>Validation fraction</source>
            <translation>验证集比例</translation>
        </message>
        <message>
            <source>Share of the images held out for validation.</source>
            <translation>留作验证的图像比例。</translation>
        </message>
        <message>
            <source>Validate every</source>
            <translation>验证间隔</translation>
        </message>
        <message>
            <source>A validation pass runs after every this many epochs.</source>
            <translation>每隔这么多轮进行一次验证。</translation>
        </message>
        <message>
            <source>Batch per device</source>
            <translation>每设备批大小</translation>
        </message>
        <message>
            <source>Mini-batch size on each GPU (the global batch is this times the GPU count).</source>
            <translation>每个 GPU 上的小批量大小（全局批大小为此值乘以 GPU 数量）。</translation>
        </message>
        <message>
            <source>Training precision</source>
            <translation>训练精度</translation>
        </message>
        <message>
            <source>fp16/bf16 mean mixed precision (FP32 master weights); tf32 uses TF32 tensor cores.</source>
            <translation>fp16/bf16 表示混合精度（FP32 主权重）；tf32 使用 TF32 张量核。</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <source>Decides the optimizer state in memory and the cost of the update step.</source>
            <translation>决定优化器状态占用的内存和参数更新步骤的开销。</translation>
        </message>
        <message>
            <source>Gradient checkpointing</source>
            <translation>梯度检查点</translation>
        </message>
        <message>
            <source>Keep fewer activations and recompute them in backward (about one extra forward).</source>
            <translation>保存更少的激活值，在反向传播时重新计算（约多一次前向）。</translation>
        </message>
        <message>
            <source>Data-loader workers</source>
            <translation>数据加载进程数</translation>
        </message>
        <message>
            <source>CPU worker processes decoding and augmenting images; 0 lets Rigsizer size them.</source>
            <translation>解码和增强图像的 CPU 工作进程数；0 表示由 Rigsizer 确定。</translation>
        </message>
        <message>
            <source>Training runtime</source>
            <translation>训练运行方式</translation>
        </message>
        <message>
            <source>eager: PyTorch's default, one host dispatch per operator; graph: a TensorFlow or MXNet graph executor; compiled: torch.compile or XLA, which fuse element-wise work.</source>
            <translation>即时执行：PyTorch 默认方式，每个算子由主机下发一次；静态图：TensorFlow 或 MXNet 的图执行器；编译执行：torch.compile 或 XLA，会融合逐元素运算。</translation>
        </message>
        <message>
            <source>Inference precision</source>
            <translation>推理精度</translation>
        </message>
        <message>
            <source>Numeric format of the deployed model; int8 needs a calibrated/quantised model.</source>
            <translation>部署模型的数值格式；int8 需要经过校准/量化的模型。</translation>
        </message>
        <message>
            <source>Inference batch</source>
            <translation>推理批大小</translation>
        </message>
        <message>
            <source>Images per inference call on the line.</source>
            <translation>产线上每次推理调用的图像数。</translation>
        </message>
        <message>
            <source>Inference runtime</source>
            <translation>推理运行时</translation>
        </message>
        <message>
            <source>Deep-learning framework (eager) or an optimising runtime such as TensorRT.</source>
            <translation>深度学习框架（即时执行）或 TensorRT 等优化运行时。</translation>
        </message>
        <message>
            <source>Line rate from</source>
            <translation>产线速率依据</translation>
        </message>
        <message>
            <source>How the required inference rate is given: takt time per part, or line speed and field of view.</source>
            <translation>所需推理速率的给定方式：每件节拍时间，或线速度和视野。</translation>
        </message>
        <message>
            <source>Takt time</source>
            <translation>节拍时间</translation>
        </message>
        <message>
            <source>Seconds between two parts on the line.</source>
            <translation>产线上相邻两件之间的秒数。</translation>
        </message>
        <message>
            <source>Images per part</source>
            <translation>每件图像数</translation>
        </message>
        <message>
            <source>Camera images (after tiling: each image's tiles count too) inspected per part.</source>
            <translation>每件检测的相机图像数（切图后每张图像的图块也计入）。</translation>
        </message>
        <message>
            <source>Line speed</source>
            <translation>线速度</translation>
        </message>
        <message>
            <source>Speed of a continuous web (fabric, steel) under the camera.</source>
            <translation>相机下方连续卷材（织物、钢材）的速度。</translation>
        </message>
        <message>
            <source>Field of view along the line</source>
            <translation>沿产线方向的视野</translation>
        </message>
        <message>
            <source>Length of the web one image covers along the direction of travel.</source>
            <translation>一张图像沿运动方向覆盖的卷材长度。</translation>
        </message>
        <message>
            <source>Latency budget</source>
            <translation>延迟预算</translation>
        </message>
        <message>
            <source>Longest acceptable time from image to decision; 0 uses the time between images.</source>
            <translation>从图像到判定的最长可接受时间；0 表示使用相邻图像间隔。</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>Catalog id or name of the host CPU; empty lets the recommendation size it.</source>
            <translation>主机 CPU 的目录编号或名称；留空则由推荐方案确定。</translation>
        </message>
        <message>
            <source>System RAM</source>
            <translation>系统内存</translation>
        </message>
        <message>
            <source>Host memory per node.</source>
            <translation>每个节点的主机内存。</translation>
        </message>
        <message>
            <source>Nodes</source>
            <translation>节点数</translation>
        </message>
        <message>
            <source>Identical machines training together.</source>
            <translation>一起训练的相同机器数。</translation>
        </message>
        <message>
            <source>Node link</source>
            <translation>节点互联</translation>
        </message>
        <message>
            <source>Network between nodes per node (InfiniBand/Ethernet line rate).</source>
            <translation>每个节点的节点间网络（InfiniBand/以太网线速率）。</translation>
        </message>
        <message>
            <source>Deadline for one training run</source>
            <translation>单次训练截止时间</translation>
        </message>
        <message>
            <source>0 means no deadline.</source>
            <translation>0 表示无截止时间。</translation>
        </message>
        <message>
            <source>Hardware budget</source>
            <translation>硬件预算</translation>
        </message>
        <message>
            <source>0 means no budget limit.</source>
            <translation>0 表示不限预算。</translation>
        </message>
        <message>
            <source>Form factor</source>
            <translation>外形规格</translation>
        </message>
        <message>
            <source>Where the machine must fit.</source>
            <translation>机器需要适配的安装环境。</translation>
        </message>
        <message>
            <source>Power limit</source>
            <translation>功率上限</translation>
        </message>
        <message>
            <source>Largest wall power the site allows per machine; 0 means no limit.</source>
            <translation>现场允许每台机器的最大墙插功率；0 表示不限。</translation>
        </message>
        <message>
            <source>Most GPUs per machine</source>
            <translation>每台机器最多 GPU 数</translation>
        </message>
        <message>
            <source>Upper end of the GPU-count sweep.</source>
            <translation>GPU 数量扫描的上限。</translation>
        </message>
    </context>
    <context>
        <name>ProjectFiles</name>
        <message>
            <location filename="../../gui/project_files.py" line="46" />
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="47" />
            <source>The project has unsaved changes. Save them first?</source>
            <translation>项目有未保存的更改。是否先保存？</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="53" />
            <source>Rigsizer projects (*%1);;All files (*)</source>
            <translation>Rigsizer 项目 (*%1);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="57" />
            <source>Open project</source>
            <translation>打开项目</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="63" />
            <source>Save project as</source>
            <translation>项目另存为</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="70" />
            <source>New project</source>
            <translation>新项目</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="86" />
            <source>Cannot open the project</source>
            <translation>无法打开项目</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="91" />
            <source>Opened with notes: %1</source>
            <translation>已打开，附注：%1</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="93" />
            <source>Opened %1</source>
            <translation>已打开 %1</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="104" />
            <source>Cannot open the example</source>
            <translation>无法打开示例</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="125" />
            <source>Cannot save the project</source>
            <translation>无法保存项目</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="128" />
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <location filename="../../gui/project_files.py" line="155" />
            <source>No examples: %1</source>
            <translation>没有示例：%1</translation>
        </message>
    </context>
    <context>
        <name>ProjectModel</name>
        <message>
            <location filename="../../gui/project_model.py" line="41" />
            <source>Change %1</source>
            <translation>修改 %1</translation>
        </message>
        <message>
            <location filename="../../gui/project_model.py" line="148" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../gui/project_model.py" line="169" />
            <source>Replace project</source>
            <translation>替换项目</translation>
        </message>
        <message>
            <location filename="../../gui/project_model.py" line="193" />
            <source>%1: no such file</source>
            <translation>%1：文件不存在</translation>
        </message>
        <message>
            <location filename="../../gui/project_model.py" line="202" />
            <source>No file name given</source>
            <translation>未指定文件名</translation>
        </message>
        <message>
            <location filename="../../gui/project_model.py" line="237" />
            <source>Hardware catalog unavailable: %1</source>
            <translation>硬件目录不可用：%1</translation>
        </message>
    </context>
    <context>
        <name>QuoteEditor</name>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="130" />
            <source>Parties</source>
            <translation>双方信息</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="130" />
            <source>Terms</source>
            <translation>条款</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="130" />
            <source>Line items</source>
            <translation>明细</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="132" />
            <source>Seller</source>
            <translation>卖方</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="133" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="134" />
            <source>Logo image (optional)</source>
            <translation>徽标图片（可选）</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="135" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="136" />
            <source>Remember seller details</source>
            <translation>记住卖方信息</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="138" />
            <source>Units of %1 per 1 USD</source>
            <translation>每 1 美元兑换的 %1 数量</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="139" />
            <source>Prices include tax (含税)</source>
            <translation>价格含税</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="140" />
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="140" />
            <source>Simplified Chinese</source>
            <translation>简体中文</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="140" />
            <source>Bilingual</source>
            <translation>中英双语</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="142" />
            <source>Quote number</source>
            <translation>报价单号</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="142" />
            <source>Issue date</source>
            <translation>出具日期</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="142" />
            <source>Valid until</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="143" />
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="143" />
            <source>Exchange rates</source>
            <translation>汇率</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="143" />
            <source>Tax rate</source>
            <translation>税率</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="144" />
            <source>Discount</source>
            <translation>折扣</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="144" />
            <source>Shipping</source>
            <translation>运费</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="144" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="145" />
            <source>Paper</source>
            <translation>纸张</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="145" />
            <source>Payment terms</source>
            <translation>付款条件</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="145" />
            <source>Lead time</source>
            <translation>交货期</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="146" />
            <source>Warranty</source>
            <translation>质保</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="146" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="150" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="150" />
            <source>Part</source>
            <translation>部件</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="150" />
            <source>Specification</source>
            <translation>规格</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="150" />
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="150" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="151" />
            <source>Price currency</source>
            <translation>价格币种</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="151" />
            <source>Line total</source>
            <translation>小计</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="151" />
            <source>Optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="152" />
            <source>Add line</source>
            <translation>添加一行</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="153" />
            <source>Remove line</source>
            <translation>删除一行</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="166" />
            <location filename="../../gui/report/quote_editor.py" line="350" />
            <source>No catalog price: enter a current one</source>
            <translation>目录中无价格：请输入当前价格</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="329" />
            <source>assigned on export</source>
            <translation>导出时分配</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="361" />
            <source>New item</source>
            <translation>新项目</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="402" />
            <source>entered by the seller</source>
            <translation>由卖方填写</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="428" />
            <source>Subtotal %1 · discount %2 · tax %3 · total %4</source>
            <translation>小计 %1 · 折扣 %2 · 税 %3 · 合计 %4</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="433" />
            <source>%1 line(s) without a price</source>
            <translation>%1 行没有价格</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="455" />
            <source>Logo image</source>
            <translation>徽标图片</translation>
        </message>
        <message>
            <location filename="../../gui/report/quote_editor.py" line="455" />
            <source>Images (*.png *.jpg *.svg)</source>
            <translation>图片 (*.png *.jpg *.svg)</translation>
        </message>
    </context>
    <context>
        <name>QuotePane</name>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="156" />
            <source>Seller details saved for new quotes.</source>
            <translation>卖方信息已保存，将用于新报价单。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="170" />
            <source>New from estimate</source>
            <translation>根据估算新建</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="171" />
            <source>Quote the configuration of the current estimate</source>
            <translation>为当前估算的配置生成报价</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="172" />
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="173" />
            <source>Re-export</source>
            <translation>重新导出</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="174" />
            <source>Write the selected history entry's PDF again</source>
            <translation>重新生成所选历史记录的 PDF</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="175" />
            <source>Duplicate as revision</source>
            <translation>复制为修订版</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="176" />
            <source>Import PDF…</source>
            <translation>导入 PDF…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="177" />
            <source>Open a quote from the data embedded in a Rigsizer PDF</source>
            <translation>从 Rigsizer PDF 中嵌入的数据打开报价单</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="178" />
            <source>Search number, customer, project…</source>
            <translation>搜索编号、客户、项目…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="180" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="180" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="180" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="180" />
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="180" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="182" />
            <source>Open in editor</source>
            <translation>在编辑器中打开</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="183" />
            <source>Show PDF</source>
            <translation>查看 PDF</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="184" />
            <source>Open the exported PDF in the system viewer</source>
            <translation>用系统查看器打开导出的 PDF</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="204" />
            <source>No quote open: press “New from estimate” or open one from the history.</source>
            <translation>未打开报价单：请点击“根据估算新建”，或从历史记录中打开。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="207" />
            <source>New quote</source>
            <translation>新报价单</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="249" />
            <source>Quote history unavailable: %1</source>
            <translation>报价历史不可用：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="269" />
            <source>No quote matches the search.</source>
            <translation>没有与搜索匹配的报价单。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="271" />
            <source>No quotes yet: every exported quote is listed here.</source>
            <translation>尚无报价单：每份导出的报价单都会列在这里。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="293" />
            <source>Revision %1 opened; export it to issue it.</source>
            <translation>已打开修订版 %1；导出后即正式出具。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="315" />
            <source>The PDF of %1 is no longer at %2; re-export it.</source>
            <translation>%1 的 PDF 已不在 %2；请重新导出。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="321" />
            <source>Import PDF quote</source>
            <translation>导入 PDF 报价单</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="321" />
            <location filename="../../gui/panes/quote_pane.py" line="432" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="332" />
            <source>Cannot import %1: %2</source>
            <translation>无法导入 %1：%2</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="335" />
            <source>Imported %1 from %2</source>
            <translation>已从 %2 导入 %1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="336" />
            <source>a draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="343" />
            <source>No estimate yet: enter a model and hardware first.</source>
            <translation>尚无估算：请先输入模型和硬件。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="369" />
            <source>Estimating %1 × %2…</source>
            <translation>正在估算 %1 × %2…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="432" />
            <location filename="../../gui/panes/quote_pane.py" line="480" />
            <source>Export PDF quote</source>
            <translation>导出 PDF 报价单</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="452" />
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="467" />
            <source>Exported %1 to %2 (%3 pages)</source>
            <translation>已将 %1 导出到 %2（%3 页）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/quote_pane.py" line="477" />
            <source>Export failed: %1</source>
            <translation>导出失败：%1</translation>
        </message>
    </context>
    <context>
        <name>RecoveryBanner</name>
        <message>
            <location filename="../../gui/autosave.py" line="236" />
            <source>Recover</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../gui/autosave.py" line="237" />
            <source>Discard</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <location filename="../../gui/autosave.py" line="242" />
            <source>an untitled project</source>
            <translation>未命名项目</translation>
        </message>
        <message>
            <location filename="../../gui/autosave.py" line="244" />
            <source>Rigsizer did not exit cleanly. Unsaved changes to “%1” from %2 can be recovered.</source>
            <translation>Rigsizer 上次未正常退出。可以恢复“%1”在 %2 的未保存更改。</translation>
        </message>
    </context>
    <context>
        <name>ResultsPane</name>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="100" />
            <source>Estimated on</source>
            <translation>估算硬件</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="103" />
            <source>The project's first hardware candidate is estimated; pick another candidate to make it the first (add candidates in the Hardware pane).</source>
            <translation>估算针对项目的第一个候选硬件；选择其他候选可将其设为第一个（在“硬件”面板中添加候选）。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="123" />
            <source>Training time per epoch</source>
            <translation>每轮训练时间</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="123" />
            <source>Training run</source>
            <translation>整次训练</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="124" />
            <source>Training throughput</source>
            <translation>训练吞吐量</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="124" />
            <source>Memory per device</source>
            <translation>每设备内存</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="125" />
            <source>Bottleneck</source>
            <translation>瓶颈</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="125" />
            <source>Inference latency</source>
            <translation>推理延迟</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="126" />
            <source>Takt margin</source>
            <translation>节拍余量</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="126" />
            <source>Hardware price</source>
            <translation>硬件价格</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="147" />
            <source>Click a configuration to see it.</source>
            <translation>点击一个配置查看详情。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="149" />
            <source>Use this configuration</source>
            <translation>使用此配置</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="186" />
            <location filename="../../gui/panes/results_pane.py" line="189" />
            <source>Updating…</source>
            <translation>正在更新…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="193" />
            <location filename="../../gui/panes/results_pane.py" line="245" />
            <source>No estimate: %1</source>
            <translation>无估算结果：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="230" />
            <source>This workstation</source>
            <translation>本工作站</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="245" />
            <source>No estimate yet</source>
            <translation>尚无估算</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="276" />
            <source>per step (no dataset)</source>
            <translation>每步（无数据集）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="284" />
            <source>%1 × %2, utilisation %3 %</source>
            <translation>%1 × %2，利用率 %3 %</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="288" />
            <source>of %1 — fits</source>
            <translation>/ %1 — 可容纳</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="289" />
            <source>of %1 — does NOT fit</source>
            <translation>/ %1 — 放不下</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="291" />
            <source>largest batch that fits: %1</source>
            <translation>可容纳的最大批大小：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="306" />
            <source>needs %1 images/s; %2</source>
            <translation>需要 %1 张/秒；%2</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="308" />
            <source>meets the line</source>
            <translation>满足产线要求</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="308" />
            <source>misses the line</source>
            <translation>不满足产线要求</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="312" />
            <source>no production line set</source>
            <translation>未设置产线</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="313" />
            <source>Set a takt time or line speed in the Workload pane.</source>
            <translation>请在“工作负载”面板中设置节拍时间或线速度。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="320" />
            <source>per device, %1 (%2)</source>
            <translation>每设备，%1（%2）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="324" />
            <source>no price in the catalog</source>
            <translation>目录中无价格</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="325" />
            <source>Add a price in the Hardware pane.</source>
            <translation>请在“硬件”面板中添加价格。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="337" />
            <source>Compute</source>
            <translation>计算</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="337" />
            <source>Memory bandwidth</source>
            <translation>内存带宽</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="338" />
            <location filename="../../gui/panes/results_pane.py" line="339" />
            <source>Data pipeline (CPU)</source>
            <translation>数据管道（CPU）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="339" />
            <source>GPU communication</source>
            <translation>GPU 通信</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="340" />
            <source>Launch overhead</source>
            <translation>启动开销</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="340" />
            <source>Memory capacity</source>
            <translation>内存容量</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="341" />
            <source>Storage</source>
            <translation>存储</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="341" />
            <source>PCIe transfers</source>
            <translation>PCIe 传输</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="366" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="368" />
            <source>Inference</source>
            <translation>推理</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="373" />
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="373" />
            <source>Gradients</source>
            <translation>梯度</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="374" />
            <source>Optimizer state</source>
            <translation>优化器状态</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="374" />
            <source>Activations</source>
            <translation>激活值</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="375" />
            <source>Workspace</source>
            <translation>工作区</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="375" />
            <source>Runtime context</source>
            <translation>运行时上下文</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="419" />
            <source>No training in this project: nothing to trade against price</source>
            <translation>本项目不含训练：无法与价格权衡</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="431" />
            <source>System price from the recommendation:
%1

%2</source>
            <translation>推荐方案的整机价格：
%1

%2</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="434" />
            <source>%1 × %2 with CPU, RAM and storage</source>
            <translation>%1 × %2，含 CPU、内存和存储</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="441" />
            <source>No recommendation: %1</source>
            <translation>无推荐：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="448" />
            <source>%1: %2, %3</source>
            <translation>%1：%2，%3</translation>
        </message>
        <message>
            <location filename="../../gui/panes/results_pane.py" line="452" />
            <source>Pareto-optimal</source>
            <translation>帕累托最优</translation>
        </message>
    </context>
    <context>
        <name>RooflineChart</name>
        <message>
            <location filename="../../gui/charts/roofline.py" line="26" />
            <location filename="../../gui/charts/roofline.py" line="73" />
            <source>Roofline</source>
            <translation>屋顶线模型</translation>
        </message>
        <message>
            <location filename="../../gui/charts/roofline.py" line="27" />
            <source>Arithmetic intensity (FLOP/byte)</source>
            <translation>计算强度（FLOP/字节）</translation>
        </message>
        <message>
            <location filename="../../gui/charts/roofline.py" line="27" />
            <source>Attainable rate</source>
            <translation>可达算力</translation>
        </message>
        <message>
            <location filename="../../gui/charts/roofline.py" line="29" />
            <source>Roof</source>
            <translation>屋顶</translation>
        </message>
        <message>
            <location filename="../../gui/charts/roofline.py" line="40" />
            <source>No device selected</source>
            <translation>未选择设备</translation>
        </message>
        <message>
            <location filename="../../gui/charts/roofline.py" line="56" />
            <source>Peak or bandwidth of %1 unknown</source>
            <translation>%1 的峰值算力或带宽未知</translation>
        </message>
        <message>
            <location filename="../../gui/charts/roofline.py" line="56" />
            <source>the device</source>
            <translation>该设备</translation>
        </message>
        <message>
            <location filename="../../gui/charts/roofline.py" line="73" />
            <source>Roofline — %1</source>
            <translation>屋顶线模型 — %1</translation>
        </message>
        <message>
            <location filename="../../gui/charts/roofline.py" line="80" />
            <source>%1
intensity %2 FLOP/B
%3</source>
            <translation>%1
计算强度 %2 FLOP/B
%3</translation>
        </message>
    </context>
    <context>
        <name>ScalingChart</name>
        <message>
            <location filename="../../gui/charts/scaling.py" line="19" />
            <source>Training time vs number of GPUs</source>
            <translation>训练时间与 GPU 数量</translation>
        </message>
        <message>
            <location filename="../../gui/charts/scaling.py" line="21" />
            <source>Ideal scaling</source>
            <translation>理想扩展</translation>
        </message>
        <message>
            <location filename="../../gui/charts/scaling.py" line="23" />
            <source>Estimated</source>
            <translation>估算值</translation>
        </message>
        <message>
            <location filename="../../gui/charts/scaling.py" line="27" />
            <location filename="../../gui/charts/scaling.py" line="44" />
            <source>No multi-GPU estimate</source>
            <translation>无多 GPU 估算</translation>
        </message>
        <message>
            <location filename="../../gui/charts/scaling.py" line="49" />
            <source>GPUs</source>
            <translation>GPU</translation>
        </message>
        <message>
            <location filename="../../gui/charts/scaling.py" line="49" />
            <source>Time (%1)</source>
            <translation>时间（%1）</translation>
        </message>
    </context>
    <context>
        <name>SearchBox</name>
        <message>
            <location filename="../../gui/widgets/search_box.py" line="17" />
            <source>Search…</source>
            <translation>搜索…</translation>
        </message>
    </context>
    <context>
        <name>StatusLine</name>
        <message>
            <location filename="../../gui/status_line.py" line="47" />
            <source>Computing…</source>
            <translation>正在计算…</translation>
        </message>
    </context>
    <context>
        <name>ThroughputChart</name>
        <message>
            <location filename="../../gui/charts/throughput.py" line="18" />
            <source>Throughput vs batch size</source>
            <translation>吞吐量与批大小</translation>
        </message>
        <message>
            <location filename="../../gui/charts/throughput.py" line="19" />
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../gui/charts/throughput.py" line="19" />
            <source>Throughput</source>
            <translation>吞吐量</translation>
        </message>
        <message>
            <location filename="../../gui/charts/throughput.py" line="23" />
            <source>chosen batch</source>
            <translation>所选批量</translation>
        </message>
        <message>
            <location filename="../../gui/charts/throughput.py" line="28" />
            <source>memory limit</source>
            <translation>内存上限</translation>
        </message>
        <message>
            <location filename="../../gui/charts/throughput.py" line="34" />
            <location filename="../../gui/charts/throughput.py" line="73" />
            <source>No throughput estimate</source>
            <translation>无吞吐量估算</translation>
        </message>
    </context>
    <context>
        <name>ValidatedField</name>
        <message>
            <location filename="../../gui/widgets/validated_field.py" line="190" />
            <source>“%1” is not a number</source>
            <translation>“%1”不是数字</translation>
        </message>
    </context>
    <context>
        <name>WindowActions</name>
        <message>
            <location filename="../../gui/window_actions.py" line="120" />
            <source>&amp;New</source>
            <translation>新建(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="121" />
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="122" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="123" />
            <source>Save &amp;As…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="124" />
            <source>&amp;Export PDF Quote…</source>
            <translation>导出 PDF 报价单(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="125" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="126" />
            <source>&amp;Preferences…</source>
            <translation>首选项(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="127" />
            <source>&amp;Reset Layout</source>
            <translation>重置布局(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="128" />
            <source>&amp;About Rigsizer</source>
            <translation>关于 Rigsizer(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="129" />
            <source>Clear Recent Files</source>
            <translation>清除最近文件</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="132" />
            <source>Start a new project with default inputs</source>
            <translation>使用默认输入新建项目</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="133" />
            <source>Open a .rigsizer.json project file</source>
            <translation>打开 .rigsizer.json 项目文件</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="134" />
            <source>Save the project to its file</source>
            <translation>将项目保存到其文件</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="135" />
            <source>Save the project under a new name</source>
            <translation>以新名称保存项目</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="136" />
            <source>Write the price quote as a PDF</source>
            <translation>将报价单导出为 PDF</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="143" />
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="144" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="145" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="146" />
            <source>Export PDF</source>
            <translation>导出 PDF</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="147" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="148" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="151" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="152" />
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="153" />
            <source>Open E&amp;xample</source>
            <translation>打开示例(&amp;X)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="154" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="155" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="156" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="157" />
            <source>Main toolbar</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="170" />
            <source>Export PDF quote</source>
            <translation>导出 PDF 报价单</translation>
        </message>
        <message>
            <location filename="../../gui/window_actions.py" line="170" />
            <source>The Quote pane is not available.</source>
            <translation>报价面板不可用。</translation>
        </message>
    </context>
    <context>
        <name>WorkloadPane</name>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="123" />
            <source>Dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="130" />
            <source>Fill in the figures of a published dataset from the catalog (with its source), or keep your own numbers.</source>
            <translation>从目录中填入公开数据集的数据（附来源），或保留您自己的数据。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="133" />
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="144" />
            <source>Preprocessing</source>
            <translation>预处理</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="156" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="165" />
            <source>Inference and production line</source>
            <translation>推理和产线</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="201" />
            <source>Custom (your own data)</source>
            <translation>自定义（您自己的数据）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="206" />
            <source>Catalog datasets unavailable: %1</source>
            <translation>目录数据集不可用：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="226" />
            <source>Use dataset %1</source>
            <translation>使用数据集 %1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="241" />
            <source>Source: %1</source>
            <translation>来源：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="243" />
            <source>Licence: %1</source>
            <translation>许可：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="268" />
            <source>%1 training and %2 validation images</source>
            <translation>%1 张训练图像和 %2 张验证图像</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="280" />
            <source>%1 tiles per image (%2 × %3), %4 px tiles, %5 px overlap</source>
            <translation>每张图像 %1 个图块（%2 × %3），图块 %4 px，重叠 %5 px</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="287" />
            <source>%1 × %2 px image resized to %3 × %4 px</source>
            <translation>%1 × %2 px 图像缩放到 %3 × %4 px</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="298" />
            <source>meets the line</source>
            <translation>满足产线要求</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="298" />
            <source>does NOT meet the line</source>
            <translation>不满足产线要求</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="299" />
            <source>Required: %1 images/s, latency budget %2. %3 × %4: margin %5 % — %6.</source>
            <translation>要求：%1 张/秒，延迟预算 %2。%3 × %4：余量 %5 % — %6。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workload_pane.py" line="306" />
            <source>Devices needed: %1.</source>
            <translation>所需设备：%1。</translation>
        </message>
    </context>
    <context>
        <name>WorkstationPane</name>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="184" />
            <location filename="../../gui/panes/workstation_pane.py" line="406" />
            <source>Use this workstation</source>
            <translation>使用本工作站</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="185" />
            <source>Make this machine the first hardware candidate of the project</source>
            <translation>将本机设为项目的第一个候选硬件</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="186" />
            <source>Detect again</source>
            <translation>重新检测</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="187" />
            <location filename="../../gui/panes/workstation_pane.py" line="199" />
            <source>Measure</source>
            <translation>实测</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="189" />
            <source>Run short micro-benchmarks (matrix multiply, memory bandwidth) on this machine</source>
            <translation>在本机上运行简短的微基准测试（矩阵乘法、内存带宽）</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="191" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="192" />
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="192" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="192" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="194" />
            <source>Quantity</source>
            <translation>指标</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="194" />
            <source>Measured</source>
            <translation>实测值</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="194" />
            <source>Theoretical</source>
            <translation>理论值</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="194" />
            <source>Ratio</source>
            <translation>比例</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="196" />
            <source>No measurements yet. Press Measure to time this machine's real compute and memory speed (about a minute).</source>
            <translation>尚无测量结果。点击“实测”以测定本机实际的计算和内存速度（约一分钟）。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="198" />
            <source>Detected</source>
            <translation>检测结果</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="201" />
            <source>Live monitor</source>
            <translation>实时监控</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="203" />
            <source>Live charts are not available: %1</source>
            <translation>实时图表不可用：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="206" />
            <source>Measure compares what this machine really achieves with its theoretical peak.</source>
            <translation>“实测”将本机的实际性能与其理论峰值进行比较。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="219" />
            <source>Detecting this workstation…</source>
            <translation>正在检测本工作站…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="251" />
            <source>Detection failed: %1</source>
            <translation>检测失败：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="258" />
            <source>%1 — %2 cores / %3 threads, %4 RAM</source>
            <translation>%1 — %2 核 / %3 线程，%4 内存</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="268" />
            <source>No NVIDIA GPU in use: %1</source>
            <translation>未使用 NVIDIA GPU：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="276" />
            <location filename="../../gui/panes/workstation_pane.py" line="332" />
            <location filename="../../gui/panes/workstation_pane.py" line="368" />
            <source>Catalog match</source>
            <translation>目录匹配</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="295" />
            <source>Select a row to read it in full.</source>
            <translation>选择一行以查看完整内容。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="315" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="316" />
            <location filename="../../gui/panes/workstation_pane.py" line="340" />
            <location filename="../../gui/panes/workstation_pane.py" line="341" />
            <source>detected</source>
            <translation>检测</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="317" />
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="318" />
            <source>Architecture</source>
            <translation>架构</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="319" />
            <source>Cores / threads</source>
            <translation>核心 / 线程</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="321" />
            <source>Usable cores</source>
            <translation>可用核心</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="323" />
            <source>Clock</source>
            <translation>频率</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="325" />
            <source>Vector ISA</source>
            <translation>向量指令集</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="327" />
            <source>Last-level cache</source>
            <translation>末级缓存</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="331" />
            <location filename="../../gui/panes/workstation_pane.py" line="367" />
            <source>FP32 peak</source>
            <translation>FP32 峰值</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="331" />
            <source>derived</source>
            <translation>推导</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="336" />
            <location filename="../../gui/panes/workstation_pane.py" line="371" />
            <source>Unknown: %1</source>
            <translation>未知：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="339" />
            <location filename="../../gui/panes/workstation_pane.py" line="359" />
            <source>Memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="340" />
            <source>Installed</source>
            <translation>已安装</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="341" />
            <source>Available now</source>
            <translation>当前可用</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="344" />
            <source>Disks</source>
            <translation>磁盘</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="346" />
            <source>rotational</source>
            <translation>机械</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="346" />
            <source>solid state</source>
            <translation>固态</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="346" />
            <source>type unknown</source>
            <translation>类型未知</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="347" />
            <source>%1 (%2 free), %3, %4</source>
            <translation>%1（可用 %2），%3，%4</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="352" />
            <source>GPUs</source>
            <translation>GPU</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="354" />
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="361" />
            <source>Max SM clock</source>
            <translation>最高 SM 频率</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="364" />
            <source>Link</source>
            <translation>链路</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="376" />
            <source>Unknown fields</source>
            <translation>未知字段</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="376" />
            <source>not in detection or catalog</source>
            <translation>检测和目录中都没有</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="420" />
            <source>Measuring… the machine is busy until this finishes.</source>
            <translation>正在测量…完成前本机处于繁忙状态。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="438" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="464" />
            <source>Measured, not saved: %1</source>
            <translation>已测量，未保存：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="471" />
            <source>Measurement failed: %1</source>
            <translation>测量失败：%1</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="483" />
            <location filename="../../gui/panes/workstation_pane.py" line="484" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="490" />
            <source>measured / theoretical</source>
            <translation>实测值 / 理论值</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="499" />
            <source>Cancelled: %1 of the measurements finished.</source>
            <translation>已取消：完成了 %1 项测量。</translation>
        </message>
        <message>
            <location filename="../../gui/panes/workstation_pane.py" line="501" />
            <source>Measured on this machine now; theoretical values come from the catalog or from cores × clock × FLOPs/cycle.</source>
            <translation>刚在本机上测得；理论值来自目录，或由 核心数 × 频率 × 每周期 FLOPs 得出。</translation>
        </message>
    </context>
    <context>
        <name>ZooPicker</name>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="51" />
            <source>Model zoo</source>
            <translation>模型库</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="53" />
            <source>Search: name, family, input size, classes…</source>
            <translation>搜索：名称、系列、输入尺寸、类别数…</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="59" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="59" />
            <source>Family</source>
            <translation>系列</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="59" />
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="60" />
            <source>Classes</source>
            <translation>类别数</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="60" />
            <source>Params</source>
            <translation>参数量</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="74" />
            <source>Use its default input size</source>
            <translation>使用其默认输入尺寸</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="76" />
            <source>Also set channels, height and width to the model's own input. Untick to keep your input (e.g. large grayscale images).</source>
            <translation>同时将通道数、高度和宽度设为模型自身的输入。取消勾选则保留您的输入（如大尺寸灰度图像）。</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="80" />
            <source>Use model</source>
            <translation>使用模型</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="82" />
            <source>Build your own…</source>
            <translation>自定义构建…</translation>
        </message>
        <message>
            <location filename="../../gui/widgets/zoo_picker.py" line="83" />
            <source>Start a custom layer list (replaces the zoo model)</source>
            <translation>开始自定义层列表（替换模型库中的模型）</translation>
        </message>
    </context>
    <context>
        <name>i18n</name>
        <message>
            <location filename="../../gui/i18n.py" line="96" />
            <location filename="../../gui/i18n.py" line="105" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
    </context>
    <context>
        <name>numbers</name>
        <message>
            <location filename="../../gui/widgets/numbers.py" line="19" />
            <source>n/a</source>
            <translation>不适用</translation>
        </message>
    </context>
</TS>

using System.Net.Http.Json;
using System.Text.Json;

namespace Orchestrator.Simulators.Platform;

/// <summary>
/// Pushes new trades to the server's intake (<c>Simulator:PushUrl</c> or <c>PUT /admin/push-url</c>, e.g.
/// <c>http://127.0.0.1:5080/api/shops/1/orders:batch</c>) in intake's shape, as a push integration would; does nothing
/// when no URL is set. <c>Simulator:PushApiKey</c> (or <c>apiKey</c> in the same request) is the shop's integration key.
/// </summary>
public sealed partial class IntakePusher(HttpClient http, SimulatorState state, ILogger<IntakePusher> logger)
{
    private static readonly JsonSerializerOptions IntakeJson = new(JsonSerializerDefaults.Web);

    public async Task PushAsync(IReadOnlyList<SimTrade> trades, CancellationToken cancellationToken)
    {
        if (state.PushUrl is not { Length: > 0 } url || trades.Count == 0)
        {
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new { orders = trades.Select(ToIntake).ToList() }, options: IntakeJson),
        };
        if (state.PushApiKey is { Length: > 0 } key)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogPushRefused(logger, url, (int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    /// <summary>TOP field names onto the intake request (platformOrderId = tid, receiver.province = receiver_state, lines = orders.order).</summary>
    public static object ToIntake(SimTrade t) => new
    {
        platformOrderId = t.Tid.ToString(System.Globalization.CultureInfo.InvariantCulture),
        status = t.Status,
        buyerNick = t.BuyerNick,
        receiver = new
        {
            name = t.ReceiverName,
            mobile = t.ReceiverMobile,
            province = t.ReceiverState,
            city = t.ReceiverCity,
            district = t.ReceiverDistrict,
            address = t.ReceiverAddress,
            zip = t.ReceiverZip,
        },
        buyerMessage = t.BuyerMessage,
        sellerMemo = t.SellerMemo,
        created = ToOffset(t.Created),
        payTime = ToOffset(t.PayTime),
        modified = ToOffset(t.Modified),
        totalFee = t.TotalFee,
        postFee = t.PostFee,
        discountFee = t.DiscountFee,
        payment = t.Payment,
        isCod = t.Type == "cod",
        lines = t.Orders.Order.Select(o => new
        {
            platformLineId = o.Oid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            platformSkuId = o.SkuId,
            merchantCode = string.IsNullOrEmpty(o.OuterSkuId) ? o.OuterIid : o.OuterSkuId,
            title = o.Title,
            quantity = o.Num,
            price = o.Price,
        }).ToList(),
    };

    private static DateTimeOffset? ToOffset(string? value) => value is null ? null : SimulatorState.Parse(value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake at {Url} refused the push: HTTP {Status} {Body}")]
    private static partial void LogPushRefused(ILogger logger, string url, int status, string body);
}
